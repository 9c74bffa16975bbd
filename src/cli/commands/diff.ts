/** `guidedesk diff`: what changed between two versions, or any two guides. */
import type { DiffChange, GuideDiff } from '../../shared/guide';
import { diffVersions } from '../../main/core/versions';
import { findVersion, loadLibrary, type Command } from '../context';
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
