/**
 * Who keeps a guide current and when it is due for review (front-matter `owner`, `reviewBy`). The
 * current version past its review day is flagged 검토 필요, naming the owner to ask.
 */
import type { GuideView } from '../../../shared/ipc';

export function isReviewDue(view: GuideView): boolean {
  const { version, history, today } = view;
  return Boolean(version.reviewBy && version.reviewBy < today && history.currentPath === version.path);
}

export function GuideFreshness({ view }: { view: GuideView }) {
  const { owner, reviewBy } = view.version;
  if (!owner && !reviewBy) return null;
  if (isReviewDue(view)) {
    return (
      <p className="banner banner-warning guide-review" role="note" data-testid="review-due">
        <strong className="badge badge-review">검토 필요</strong>
        <span>
          검토 기한 {reviewBy}이 지났습니다{owner ? ` · 담당 ${owner}` : ''}. 안내 전에 내용이 맞는지 담당자에게
          확인하세요.
        </span>
      </p>
    );
  }
  return (
    <p className="muted guide-owner" data-testid="guide-owner">
      {[owner && `담당 ${owner}`, reviewBy && `검토 기한 ${reviewBy}`].filter(Boolean).join(' · ')}
    </p>
  );
}
