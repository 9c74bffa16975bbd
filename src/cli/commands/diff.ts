/** `guidedesk diff` and `guidedesk changes`: what changed between two versions, and since a date. */
import type { ChangeDigestEntry, DiffChange, GuideDiff } from '../../shared/guide';
import { changesSince, diffVersions } from '../../main/core/versions';
import { findVersion, loadLibrary, requireDate, UsageError, type Command } from '../context';
import { shownName } from '../text';

function describeChange(c: DiffChange): string {
  const where = c.label ? `${c.section} · ${c.label}` : c.section;
  const indent = (text: string | null) => (text ?? '').replace(/\n/g, '\n    ');
  if (c.op === 'added') return `[${where}]\n  + ${indent(c.after)}`;
  if (c.op === 'removed') return `[${where}]\n  - ${indent(c.before)}`;
  // Word-level marks in the style of `git diff --word-diff`: [-removed-]{+added+}.
  if (c.spans) {
    const marked = c.spans.map((span) =>
      span.kind === 'same' ? span.text : span.kind === 'removed' ? `[-${span.text}-]` : `{+${span.text}+}`,
    );
    return `[${where}]\n  ~ ${indent(marked.join(''))}`;
  }
  return `[${where}]\n  - ${indent(c.before)}\n  + ${indent(c.after)}`;
}

function describeDiff(diff: GuideDiff): string {
  return [
    `--- ${shownName(diff.from)}`,
    `+++ ${shownName(diff.to)}`,
    ...diff.changes.map(describeChange),
    diff.changes.length ? '' : '(no changes)',
  ].join('\n');
}

const eventName = { archived: '보관', effective: '적용 시작', dated: '부분 적용' } as const;

function describeDigestEntry(g: ChangeDigestEntry): string {
  return [
    `\n${shownName(g.title)}${g.retired ? '  · 사용 종료' : ''}`,
    ...g.events.map((e) => `  ${e.date} ${eventName[e.kind]}  ${shownName(e.path)}`),
    g.summary ? `  변경 ${g.summary.total}건${g.summary.labels.length ? `: ${g.summary.labels.join(', ')}` : ''}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export const diff: Command = {
  arity: 2,
  shape: '<A> <B>',
  async run({ args, contentDir, print }) {
    const snapshot = await loadLibrary(contentDir);
    const result = diffVersions(findVersion(snapshot, args[0]), findVersion(snapshot, args[1]));
    print(result, () => describeDiff(result));
    return 0;
  },
};

export const changes: Command = {
  arity: 0,
  shape: '--since YYYY-MM-DD',
  async run({ values, contentDir, print }) {
    const since = requireDate(values.since, '--since');
    if (!since) throw new UsageError('changes needs --since YYYY-MM-DD');
    const snapshot = await loadLibrary(contentDir);
    const guides = changesSince(snapshot.versions, snapshot.histories, since);
    print({ since, guides }, () =>
      [`${since} 이후 바뀐 가이드 ${guides.length}건`, ...guides.map(describeDigestEntry)].join('\n'),
    );
    return 0;
  },
};
