/**
 * The trainer's change briefing and change timeline, computed by core/versions (briefing.ts,
 * timeline.ts) and shown by the 변경 사항 screen, `guidedesk changes --format html|md` and the
 * printed PDF. Add fields, never rename: the command line's JSON carries these shapes.
 */
import type { ChangeEvent, DiffChange, DiffSection, IsoDate } from './guide';

/** A period of days, both ends included; `until` null means "up to now". */
export interface ChangePeriod {
  since: IsoDate;
  until: IsoDate | null;
}

/**
 * What happened to a guide in the period. `new`: no version was in force the day before `since`
 * (the guide appeared). `retired`: its last copy was archived in the period and nothing replaced it.
 * `changed`: anything else with an event in the period (a new version, or a step taking effect).
 */
export type BriefingKind = 'new' | 'changed' | 'retired';

export interface BriefingGuide {
  id: string;
  title: string;
  /** 상담 유형 path of the version shown (`to`). */
  category: string[];
  kind: BriefingKind;
  retired: boolean;
  currentPath: string | null;
  /** The newest event date in the period: the order of the briefing. */
  latest: IsoDate;
  /** Events in the period, oldest first (as in the digest). */
  events: ChangeEvent[];
  /** The version compared from (in force the day before the period), or null for a new guide. */
  from: string | null;
  /** The version compared to (in force at the period's end: the current one when it is open-ended). */
  to: string;
  /** Title of each end as written, archive prefix included. */
  fromTitle: string | null;
  toTitle: string;
  /**
   * The structured diff `from` → `to` (the `보관일` archive-date change left out: it is an event).
   * For a new guide, what it holds, every item as `added`. Empty when both ends are one version.
   */
  changes: DiffChange[];
  /** True when the diff ran in plain-text mode (a side without structure). */
  plainText: boolean;
}

export interface BriefingGroup {
  /** The top level of the 상담 유형 path (`주차_고객`), or `분류 없음`. */
  category: string;
  /** The newest event date of any guide in the group. */
  latest: IsoDate;
  /** Newest first; ties by title in Korean order. */
  guides: BriefingGuide[];
}

export interface ChangeBriefing {
  period: ChangePeriod;
  /** Guides listed, and changes (diff entries) over all of them. */
  guideCount: number;
  changeCount: number;
  /** Newest first; ties by category name. */
  groups: BriefingGroup[];
}

export type TimelineUnit = 'week' | 'month';

export interface TimelineBucket {
  /** First and last day of the week (Monday–Sunday) or calendar month. */
  start: IsoDate;
  end: IsoDate;
  /** Changes per top-level category; categories without changes are absent. */
  counts: Record<string, number>;
  total: number;
}

/**
 * Changes over time: one change is one guide changing on one day (an archive and the successor
 * taking effect that day are one change). Buckets run without gaps from the first change to the last.
 */
export interface ChangeTimeline {
  unit: TimelineUnit;
  /** Every top-level category with a change, most changes first (ties by name). */
  categories: string[];
  buckets: TimelineBucket[];
  total: number;
  /** The first and last change day, or null when nothing ever changed. */
  first: IsoDate | null;
  last: IsoDate | null;
}

/** Category name for guides without a 상담 유형. */
export const UNCATEGORISED = '분류 없음';

/** What each diff section is called on screen, on paper and in the command line's briefing. */
export const SECTION_NAMES: Record<DiffSection, string> = {
  category: '상담 유형',
  responseSteps: '응대 순서',
  policies: '정책 및 참고사항',
  scripts: '스크립트',
  dates: '적용일·만료일',
  text: '본문',
};

/** Diff sections in the order every view shows them (the order `diffVersions` emits them). */
export const SECTION_ORDER: readonly DiffSection[] = [
  'category',
  'responseSteps',
  'policies',
  'scripts',
  'dates',
  'text',
];

export const OP_NAMES: Record<DiffChange['op'], string> = { added: '추가', removed: '삭제', changed: '변경' };

export const EVENT_NAMES: Record<ChangeEvent['kind'], string> = {
  archived: '보관됨',
  effective: '적용 시작',
  dated: '일부 적용일',
};

export const KIND_NAMES: Record<BriefingKind, string> = { new: '새 가이드', changed: '변경', retired: '사용 중지' };

/** `2024-12-01 ~ 2025-03-01`, or `2024-12-01 이후` for an open-ended period. */
export function periodLabel(period: ChangePeriod): string {
  return period.until ? `${period.since} ~ ${period.until}` : `${period.since} 이후`;
}

/** The changes of one guide by section, in section order; sections without changes left out. */
export function changesBySection(changes: readonly DiffChange[]): { section: DiffSection; changes: DiffChange[] }[] {
  const bySection = new Map<DiffSection, DiffChange[]>();
  for (const c of changes) {
    const list = bySection.get(c.section);
    if (list) list.push(c);
    else bySection.set(c.section, [c]);
  }
  return SECTION_ORDER.filter((s) => bySection.has(s)).map((section) => ({
    section,
    changes: bySection.get(section)!,
  }));
}

/** What a guide was compared from and to, in words. */
export function comparedLine(guide: BriefingGuide): string {
  if (guide.kind === 'new') return `새로 생긴 가이드: ${guide.toTitle}`;
  if (guide.from === guide.to) return `비교한 버전: ${guide.toTitle}`;
  return `비교: ${guide.fromTitle ?? guide.from} → ${guide.toTitle}`;
}

/** What a guide without diff lines says instead. */
export function unchangedLine(guide: BriefingGuide): string {
  if (guide.kind === 'retired') return '이 기간에 사용이 중지되었습니다. 내용은 바뀌지 않았습니다.';
  return '내용 변경 없이 날짜만 바뀌었습니다.';
}
