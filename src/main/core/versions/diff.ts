/**
 * Focused, structured diff between two guide versions (or any two guides).
 *
 * Sections, in output order: `category` (상담 유형 path and options), `responseSteps` (응대 순서),
 * `policies` (rows matched by subject), `scripts` (steps aligned by title, then sentence-aligned
 * text with word spans, condition, notes, branches), `dates` (effective / expiry / archive dates),
 * `text` (title, question, notes outside scripts, links). When either side has no structure at all,
 * the whole cleaned Markdown (else plain text) is diffed line by line under `text`.
 *
 * Guarantees (tested): diffing a version with itself gives no changes; each `before` is a verbatim
 * substring of `sectionText(from, section)` and each `after` of `sectionText(to, section)`; for a
 * `changed` entry, same+removed spans spell `before` and same+added spans spell `after`; a section
 * whose data is equal on both sides reports nothing.
 */
import type {
  DiffChange,
  DiffSection,
  GuideDiff,
  GuideLink,
  GuideVersion,
  PolicyRow,
  ScriptBranch,
  ScriptStep,
} from '../../../shared/guide';
import { circled, scriptLabel } from '../../../shared/labels';
import { alignLists, similarity, splitLines, splitSentences, wordSpans } from './textdiff';

/** Label of the archive-date change in section `dates`. */
export const ARCHIVE_DATE_LABEL = '보관일';

/** True when the version has any structure the section diff can use. */
export function hasStructure(v: GuideVersion): boolean {
  return (
    (v.category?.length ?? 0) > 0 ||
    (v.categoryOptions?.length ?? 0) > 0 ||
    (v.responseSteps?.length ?? 0) > 0 ||
    (v.policies?.length ?? 0) > 0 ||
    (v.scripts?.length ?? 0) > 0
  );
}

/** A policy row as one text block: the statement, then each note on its own `ㄴ` line. */
export function policyRowText(row: PolicyRow): string {
  return [...(row.text ? [row.text] : []), ...row.notes.map((n) => `ㄴ ${n}`)].join('\n');
}

/**
 * The subject a policy row is matched by: the text before `→` (`속초시 공영주차장`), else its first
 * two words, else its first note.
 */
export function policySubject(row: PolicyRow): string {
  const text = row.text.trim();
  const arrow = text.search(/→|->|⇒/);
  if (arrow > 0) return text.slice(0, arrow).trim();
  if (text) return text.split(/\s+/).slice(0, 2).join(' ');
  return (row.notes[0] ?? '').trim();
}

/** A link as one line: its text and where it points. */
function linkText(l: GuideLink): string {
  return `${l.text} <${l.href}>`;
}

function renderStep(s: ScriptStep): string {
  const lines = [`${circled(s.step)} ${s.title}`];
  if (s.condition) lines.push(`> ${s.condition}`);
  if (s.text) lines.push(s.text);
  for (const n of s.notes) lines.push(`* ${n}`);
  for (const b of s.branches ?? []) {
    lines.push(`> ${b.condition}`);
    if (b.text) lines.push(b.text);
    for (const n of b.notes) lines.push(`* ${n}`);
  }
  return lines.join('\n');
}

/**
 * The text of one section of a version as this diff sees it (useful to show a section in full).
 * `fallback` selects the plain-text mode used when either side of a diff has no structure.
 */
export function sectionText(v: GuideVersion, section: DiffSection, fallback = false): string {
  if (fallback) return section === 'text' ? v.markdown || v.plainText || '' : '';
  switch (section) {
    case 'category':
      return [v.category.join(' ▶ '), v.categoryOptions.join(', ')].join('\n');
    case 'responseSteps':
      return v.responseSteps.join('\n');
    case 'policies':
      return v.policies.map(policyRowText).join('\n');
    case 'scripts':
      return v.scripts.map(renderStep).join('\n');
    case 'dates':
      return [
        `적용일: ${v.effectiveDates.join(', ')}`,
        `기한: ${v.expiryDates.join(', ')}`,
        `보관일: ${v.archivedAt ?? ''}`,
      ].join('\n');
    case 'text':
      return [v.title, v.question ?? '', ...v.notes, ...(v.links ?? []).map(linkText)].join('\n');
  }
}

type Emit = (c: DiffChange) => void;

/** One change for a before/after pair of strings (either may be empty = absent). */
function emitPair(emit: Emit, section: DiffSection, label: string, before: string, after: string): void {
  if (before === after) return;
  if (!before) emit({ section, op: 'added', before: null, after, label });
  else if (!after) emit({ section, op: 'removed', before, after: null, label });
  else emit({ section, op: 'changed', before, after, label, spans: wordSpans(before, after) });
}

/** Diff two string lists in order, pairing reworded items. `labelOf` gets the op's index. */
function diffList(
  emit: Emit,
  section: DiffSection,
  a: string[],
  b: string[],
  labelOf: (side: 'a' | 'b', index: number, text: string) => string,
  threshold = 0.4,
): void {
  for (const op of alignLists(a, b, (s) => s, similarity, threshold, true)) {
    if (op.kind === 'pair') emitPair(emit, section, labelOf('b', op.bi, op.b), op.a, op.b);
    else if (op.kind === 'added')
      emit({ section, op: 'added', before: null, after: op.b, label: labelOf('b', op.bi, op.b) });
    else emit({ section, op: 'removed', before: op.a, after: null, label: labelOf('a', op.ai, op.a) });
  }
}

/** Sentence-aligned diff of two script texts: one change per reworded, added or removed sentence. */
function diffSentences(emit: Emit, section: DiffSection, a: string, b: string, label: string): void {
  if (a === b) return;
  diffList(emit, section, splitSentences(a), splitSentences(b), () => label, 0.35);
}

function diffCategory(emit: Emit, from: GuideVersion, to: GuideVersion): void {
  emitPair(emit, 'category', '상담 유형', from.category.join(' ▶ '), to.category.join(' ▶ '));
  diffList(emit, 'category', from.categoryOptions, to.categoryOptions, () => '상담 유형 선택지', 0.6);
}

function diffPolicies(emit: Emit, from: PolicyRow[], to: PolicyRow[]): void {
  const pairOf = new Map<number, number>(); // to index → from index
  const usedA = new Set<number>();
  const matchBy = (test: (x: PolicyRow, y: PolicyRow) => boolean) => {
    to.forEach((row, j) => {
      if (pairOf.has(j)) return;
      const i = from.findIndex((x, k) => !usedA.has(k) && test(x, row));
      if (i >= 0) {
        pairOf.set(j, i);
        usedA.add(i);
      }
    });
  };
  matchBy((x, y) => policyRowText(x) === policyRowText(y));
  matchBy((x, y) => policySubject(x) === policySubject(y) && policySubject(x) !== '');
  // Remaining rows: pair reworded ones by similarity, order-preserving.
  const restA = from.map((_, i) => i).filter((i) => !usedA.has(i));
  const restB = to.map((_, j) => j).filter((j) => !pairOf.has(j));
  // A row whose subject is clearly different is a different row (`인천공항` vs `김포공항 주차장`).
  const rowSimilarity = (i: number, j: number) => {
    const subject = similarity(policySubject(from[i]), policySubject(to[j]));
    if (subject < 0.7) return 0;
    return 0.5 * subject + 0.5 * similarity(policyRowText(from[i]), policyRowText(to[j]));
  };
  // Keys carry the side, so they never match: only similarity pairs the remaining rows.
  const sideA = restA.map((i) => ({ side: 'a', i }));
  const sideB = restB.map((i) => ({ side: 'b', i }));
  const sideKey = (x: { side: string; i: number }) => `${x.side}${x.i}`;
  for (const op of alignLists(sideA, sideB, sideKey, (x, y) => rowSimilarity(x.i, y.i), 0.6)) {
    if (op.kind === 'pair') {
      pairOf.set(op.b.i, op.a.i);
      usedA.add(op.a.i);
    }
  }
  to.forEach((row, j) => {
    const label = `정책: ${policySubject(row)}`;
    const i = pairOf.get(j);
    if (i === undefined) emit({ section: 'policies', op: 'added', before: null, after: policyRowText(row), label });
    else emitPair(emit, 'policies', label, policyRowText(from[i]), policyRowText(row));
  });
  from.forEach((row, i) => {
    if (!usedA.has(i)) {
      emit({
        section: 'policies',
        op: 'removed',
        before: policyRowText(row),
        after: null,
        label: `정책: ${policySubject(row)}`,
      });
    }
  });
}

function normTitle(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function stepSimilarity(a: ScriptStep, b: ScriptStep): number {
  return 0.4 * similarity(a.title, b.title) + 0.6 * similarity(a.text, b.text) + (a.step === b.step ? 0.15 : 0);
}

function diffBranches(emit: Emit, a: ScriptBranch[], b: ScriptBranch[], label: string): void {
  const ops = alignLists(
    a,
    b,
    (x) => normTitle(x.condition),
    (x, y) => 0.5 * similarity(x.condition, y.condition) + 0.5 * similarity(x.text, y.text),
    0.4,
  );
  for (const op of ops) {
    if (op.kind === 'pair') {
      const where = `${label} 분기: ${op.b.condition}`;
      emitPair(emit, 'scripts', `${label} 분기 조건`, op.a.condition, op.b.condition);
      diffSentences(emit, 'scripts', op.a.text, op.b.text, where);
      diffList(emit, 'scripts', op.a.notes, op.b.notes, () => `${where} 메모`);
    } else if (op.kind === 'added') {
      const after = op.b.text || op.b.condition;
      emit({ section: 'scripts', op: 'added', before: null, after, label: `${label} 분기: ${op.b.condition}` });
    } else {
      const before = op.a.text || op.a.condition;
      emit({ section: 'scripts', op: 'removed', before, after: null, label: `${label} 분기: ${op.a.condition}` });
    }
  }
}

function diffStep(emit: Emit, a: ScriptStep, b: ScriptStep): void {
  const label = scriptLabel(b.step);
  emitPair(emit, 'scripts', `${label} 제목`, a.title, b.title);
  emitPair(emit, 'scripts', `${label} 조건`, a.condition ?? '', b.condition ?? '');
  diffSentences(emit, 'scripts', a.text, b.text, label);
  diffList(emit, 'scripts', a.notes, b.notes, () => `${label} 메모`);
  diffBranches(emit, a.branches ?? [], b.branches ?? [], label);
}

function diffScripts(emit: Emit, from: ScriptStep[], to: ScriptStep[]): void {
  for (const op of alignLists(from, to, (s) => normTitle(s.title), stepSimilarity, 0.4)) {
    if (op.kind === 'pair') diffStep(emit, op.a, op.b);
    else if (op.kind === 'added') {
      const s = op.b;
      emit({
        section: 'scripts',
        op: 'added',
        before: null,
        after: s.text || s.title,
        label: `${scriptLabel(s.step)} ${s.title}`.trim(),
      });
    } else {
      const s = op.a;
      emit({
        section: 'scripts',
        op: 'removed',
        before: s.text || s.title,
        after: null,
        label: `${scriptLabel(s.step)} ${s.title}`.trim(),
      });
    }
  }
}

function diffDateSet(emit: Emit, label: string, a: string[], b: string[]): void {
  const removed = a.filter((d) => !b.includes(d));
  const added = b.filter((d) => !a.includes(d));
  const n = Math.min(removed.length, added.length);
  for (let k = 0; k < n; k++) emitPair(emit, 'dates', label, removed[k], added[k]);
  for (const d of removed.slice(n)) emit({ section: 'dates', op: 'removed', before: d, after: null, label });
  for (const d of added.slice(n)) emit({ section: 'dates', op: 'added', before: null, after: d, label });
}

function diffDates(emit: Emit, from: GuideVersion, to: GuideVersion): void {
  diffDateSet(emit, '적용일', from.effectiveDates, to.effectiveDates);
  diffDateSet(emit, '기한', from.expiryDates, to.expiryDates);
  emitPair(emit, 'dates', ARCHIVE_DATE_LABEL, from.archivedAt ?? '', to.archivedAt ?? '');
}

function diffText(emit: Emit, from: GuideVersion, to: GuideVersion): void {
  emitPair(emit, 'text', '제목', from.title, to.title);
  emitPair(emit, 'text', '질문', from.question ?? '', to.question ?? '');
  diffList(emit, 'text', from.notes, to.notes, () => '메모');
  diffList(emit, 'text', (from.links ?? []).map(linkText), (to.links ?? []).map(linkText), () => '링크', 0.6);
}

/** Line-by-line diff of the whole text, used when a side has no structure. */
function diffPlain(emit: Emit, from: GuideVersion, to: GuideVersion): void {
  const a = splitLines(sectionText(from, 'text', true));
  const b = splitLines(sectionText(to, 'text', true));
  for (const op of alignLists(
    a,
    b,
    (l) => l.text,
    (x, y) => similarity(x.text, y.text),
    0.5,
    true,
  )) {
    if (op.kind === 'pair') emitPair(emit, 'text', `줄 ${op.b.line}`, op.a.text, op.b.text);
    else if (op.kind === 'added')
      emit({ section: 'text', op: 'added', before: null, after: op.b.text, label: `줄 ${op.b.line}` });
    else emit({ section: 'text', op: 'removed', before: op.a.text, after: null, label: `줄 ${op.a.line}` });
  }
}

/** True when the diff of this pair runs in plain-text mode (either side has no structure). */
export function isPlainTextDiff(from: GuideVersion, to: GuideVersion): boolean {
  return !hasStructure(from) || !hasStructure(to);
}

function diffStructured(emit: Emit, from: GuideVersion, to: GuideVersion): void {
  diffCategory(emit, from, to);
  diffList(emit, 'responseSteps', from.responseSteps, to.responseSteps, (_side, i) => `응대 순서 ${i + 1}`);
  diffPolicies(emit, from.policies, to.policies);
  diffScripts(emit, from.scripts, to.scripts);
  diffDates(emit, from, to);
  diffText(emit, from, to);
}

/** Collects changes; nothing to show is no change (an empty row or step on one side). */
function collector(changes: DiffChange[]): Emit {
  return (c) => {
    if ((c.op === 'added' && !c.after) || (c.op === 'removed' && !c.before)) return;
    changes.push(c);
  };
}

/** Structured, focused diff from one version to another. */
export function diffVersions(from: GuideVersion, to: GuideVersion): GuideDiff {
  const changes: DiffChange[] = [];
  const emit = collector(changes);
  if (isPlainTextDiff(from, to)) diffPlain(emit, from, to);
  else diffStructured(emit, from, to);
  return { from: from.path, to: to.path, changes };
}

/**
 * What a new guide holds, as changes from nothing, every one `added`: its 상담 유형 path with the
 * options, its 응대 순서 as one numbered list, then each policy row, script step, date, note and
 * link (its title and archive date are not news). A version without structure gives its text line
 * by line.
 */
export function introduceVersion(to: GuideVersion): DiffChange[] {
  const changes: DiffChange[] = [];
  const emit = collector(changes);
  if (!hasStructure(to)) {
    diffPlain(emit, { ...to, markdown: '', plainText: '' }, to);
    return changes;
  }
  const path = [...to.category, ...(to.categoryOptions.length ? [to.categoryOptions.join(', ')] : [])];
  emitPair(emit, 'category', '상담 유형', '', path.join(' ▶ '));
  const steps = to.responseSteps.map((s, i) => `${i + 1}. ${s}`).join('\n');
  emitPair(emit, 'responseSteps', '응대 순서', '', steps);
  const nothing: GuideVersion = {
    ...to,
    policies: [],
    question: null,
    scripts: [],
    effectiveDates: [],
    expiryDates: [],
    notes: [],
    links: [],
  };
  diffPolicies(emit, nothing.policies, to.policies);
  diffScripts(emit, nothing.scripts, to.scripts);
  diffDates(emit, nothing, to);
  diffText(emit, nothing, to);
  return changes;
}
