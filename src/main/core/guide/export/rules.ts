/**
 * The Zendesk-export parser as a chain of line rules (see ruler.ts for the contract). Each logical
 * line is offered to `EXPORT_RULES` in the order declared at the bottom of this file; the first rule
 * that consumes it wins. Rules read and write one `ExportState`.
 */
import { BOLD_MARKER, LINE_STARTS_WITH_MARKER, REFERENCE_LABEL, splitScriptLine, stripInline } from '../markup';
import { splitCategory, splitSteps } from '../lineSyntax';
import { policyParts, type PolicyCollector } from '../policies';
import { ruleChain } from '../ruler';
import type { ScriptBuilder } from '../scriptBuilder';
import { guideIdFromTitle, splitArchivePrefix } from '../title';
import { scriptCellLines, type Logical } from './logical';
import {
  ANSWER_LINE,
  CATEGORY_LINE,
  PATH_ARROW,
  QUESTION_LINE,
  STEPS_LINE,
  isBoldOnly,
  sectionOf,
  type Section,
} from './sections';

/** What the rules share while one export is read. */
export interface ExportState {
  readonly lines: readonly Logical[];
  /** Index in `lines` of the line being offered. */
  index: number;
  /** Index of the title heading (read before the rules run), or -1. */
  readonly titleIndex: number;
  /** Id of the title, to recognise its bold copy. */
  readonly titleKey: string;
  section: Section;
  readonly script: ScriptBuilder;
  readonly policies: PolicyCollector;
  /** Lines left out of the cleaned Markdown. */
  readonly skip: Set<number>;
  category: string[];
  categoryOptions: string[];
  responseSteps: string[];
  question: string | null;
  /** Guide-level counselor notes. */
  readonly notes: string[];
}

type TableLine = Extract<Logical, { kind: 'table' }>;
type TextLine = Extract<Logical, { kind: 'heading' | 'text' }>;
type Rule<L> = (state: ExportState, line: L) => boolean;

/** A rule about tables only: any other line passes. */
function onTable(rule: Rule<TableLine>): Rule<Logical> {
  return (state, line) => line.kind === 'table' && rule(state, line);
}

/** A rule about heading and paragraph lines only: any other line passes. */
function onText(rule: Rule<TextLine>): Rule<Logical> {
  return (state, line) => (line.kind === 'heading' || line.kind === 'text') && rule(state, line);
}

/** Moves to another section: leaving the scripts closes the last step, leaving policies ends the row. */
function enter(state: ExportState, section: Section): void {
  if (state.section === 'script' && section !== 'script') state.script.close();
  if (state.section === 'policy') state.policies.endRow();
  state.section = section;
}

/** The title heading: read before the chain runs, so consumed here. */
const title: Rule<Logical> = (state) => state.index === state.titleIndex;

/** Blank lines and rules: a paragraph break inside scripts; a rule also ends a policy row. */
const separator: Rule<Logical> = (state, line) => {
  if (line.kind !== 'blank' && line.kind !== 'rule') return false;
  if (state.section === 'script') state.script.paragraphBreak();
  if (state.section === 'policy' && line.kind === 'rule') state.policies.endRow();
  return true;
};

/** A table in the policy section: policy rows. */
const policyTable: Rule<TableLine> = (state, line) => {
  if (state.section !== 'policy') return false;
  state.policies.addTable(line.rows);
  return true;
};

/** A table in the scripts, or one holding bold step markers (which opens the scripts): script lines. */
const scriptTable: Rule<TableLine> = (state, line) => {
  if (state.section !== 'script' && !line.rows.some((r) => r.some((c) => BOLD_MARKER.test(c)))) return false;
  if (state.section !== 'script') enter(state, 'script');
  state.script.paragraphBreak();
  for (const row of line.rows) {
    for (const cell of row) {
      for (const part of scriptCellLines(cell)) state.script.feed(splitScriptLine(part));
      state.script.paragraphBreak();
    }
    state.script.endBranch();
  }
  return true;
};

/** Any other table: the header box; its `상담 유형` and `응대 순서` rows are read, the first of each wins. */
const headerTable: Rule<TableLine> = (state, line) => {
  for (const row of line.rows) {
    const cells = row.map(stripInline).filter(Boolean);
    const joined = cells.length >= 2 ? `${cells[0]} : ${cells.slice(1).join(' ')}` : (cells[0] ?? '');
    const category = CATEGORY_LINE.exec(joined);
    const steps = STEPS_LINE.exec(joined);
    if (category && state.category.length === 0)
      ({ category: state.category, options: state.categoryOptions } = splitCategory(category[1]));
    else if (steps && state.responseSteps.length === 0) state.responseSteps = splitSteps(steps[1]);
  }
  return true;
};

/** A line with no visible text (markup only): nothing to read. */
const empty: Rule<TextLine> = (_state, line) => !line.text;

/** The bold copy of the title within three lines under it: left out of the Markdown too. */
const titleCopy: Rule<TextLine> = (state, line) => {
  if (line.kind !== 'heading' && !isBoldOnly(line.raw)) return false;
  if (guideIdFromTitle(splitArchivePrefix(line.text).title) !== state.titleKey) return false;
  if (state.index >= Math.max(0, state.titleIndex) + 4) return false;
  state.skip.add(state.index);
  return true;
};

/** `상담 유형 : A ▶ B ▶ 옵션, 옵션`: the category path (a later one replaces an earlier one). */
const category: Rule<TextLine> = (state, line) => {
  const m = CATEGORY_LINE.exec(line.text);
  if (!m || !PATH_ARROW.test(m[1])) return false;
  ({ category: state.category, options: state.categoryOptions } = splitCategory(m[1]));
  return true;
};

/** `응대 순서 : A ▶ B ▶ C`: the response steps. */
const responseSteps: Rule<TextLine> = (state, line) => {
  const m = STEPS_LINE.exec(line.text);
  if (!m) return false;
  state.responseSteps = splitSteps(m[1]);
  return true;
};

/** `Q. …`: the guide's question (the first one counts); the scripts start. */
const question: Rule<TextLine> = (state, line) => {
  const m = QUESTION_LINE.exec(line.text);
  if (!m) return false;
  if (state.question === null) state.question = m[1].trim();
  enter(state, 'script');
  return true;
};

/** `A. …` in the scripts or after a question: script text. */
const answer: Rule<TextLine> = (state, line) => {
  const m = ANSWER_LINE.exec(line.text);
  if (!m || (state.section !== 'script' && state.question === null)) return false;
  enter(state, 'script');
  if (m[1]) state.script.feed(splitScriptLine(m[1]));
  return true;
};

/** A section heading: enters that section. */
const sectionHeading: Rule<TextLine> = (state, line) => {
  const section = sectionOf(line);
  if (!section) return false;
  enter(state, section);
  return true;
};

/** A line opening with a step marker (`**① 안내**`) starts the scripts wherever it stands; passes the line on. */
const scriptStart: Rule<TextLine> = (state, line) => {
  if (state.section !== 'script' && LINE_STARTS_WITH_MARKER.test(line.raw.trim())) enter(state, 'script');
  return false;
};

/** Any line in the scripts: fed to the script builder (`<br>` is a line break of the script). */
const scriptLine: Rule<TextLine> = (state, line) => {
  if (state.section !== 'script') return false;
  line.raw.split(/<br\s*\/?>/i).forEach((part, i) => {
    state.script.feed(splitScriptLine(line.kind === 'heading' && i === 0 ? `${'#'.repeat(line.level)} ${part}` : part));
  });
  if (line.kind === 'heading') state.script.paragraphBreak();
  return true;
};

/** A `[참고]`-style label in the policy section: a heading of the reader's eye, not a row. */
const policyLabel: Rule<TextLine> = (state, line) => state.section === 'policy' && REFERENCE_LABEL.test(line.text);

/** A `\*` / `※` note standing apart (after a blank line) is about the whole guide: ends the row; passes. */
const policyNoteApart: Rule<TextLine> = (state, line) => {
  if (state.section !== 'policy') return false;
  const apart = state.lines[state.index - 1]?.kind === 'blank';
  if (apart && /^(?:\\\*|※)/u.test(line.raw.replace(/^[\s*]*(?=\\\*|※)/u, ''))) state.policies.endRow();
  return false;
};

/** A Markdown list item (`- `, `* `, `+ `) in the policy section: a row, or a note of the row when indented. */
const policyListItem: Rule<TextLine> = (state, line) => {
  if (state.section !== 'policy') return false;
  const item = /^(\s*)[-*+]\s+(.*)$/u.exec(line.raw);
  if (!item || /^\s*\*\*/.test(line.raw)) return false;
  policyParts(item[2]).forEach((part, i) => {
    if (i > 0) state.policies.add(part);
    else if (item[1].length >= 2) state.policies.add(/^\s*(?:\*\*)?\s*[ㄴ└↳※]/u.test(part) ? part : `ㄴ ${part}`);
    else state.policies.add(`· ${part}`, true);
  });
  return true;
};

/** Any other line in the policy section: its parts continue or start rows. */
const policyLine: Rule<TextLine> = (state, line) => {
  if (state.section !== 'policy') return false;
  for (const part of policyParts(line.raw)) state.policies.add(part);
  return true;
};

/** A `※` / `*` line anywhere else: a guide note. */
const guideNote: Rule<TextLine> = (state, line) => {
  const m = /^(?:※|\\?\*)\s*(.+)$/u.exec(line.text);
  if (m) state.notes.push(m[1].trim());
  return m !== null;
};

/** The export parser's rules, in the order each line is offered to them. */
export const EXPORT_RULES = ruleChain<ExportState, Logical>([
  ['title', title],
  ['separator', separator],
  ['policy-table', onTable(policyTable)],
  ['script-table', onTable(scriptTable)],
  ['header-table', onTable(headerTable)],
  ['empty', onText(empty)],
  ['title-copy', onText(titleCopy)],
  ['category', onText(category)],
  ['response-steps', onText(responseSteps)],
  ['question', onText(question)],
  ['answer', onText(answer)],
  ['section-heading', onText(sectionHeading)],
  ['script-start', onText(scriptStart)],
  ['script-line', onText(scriptLine)],
  ['policy-label', onText(policyLabel)],
  ['policy-note-apart', onText(policyNoteApart)],
  ['policy-list-item', onText(policyListItem)],
  ['policy-line', onText(policyLine)],
  ['guide-note', onText(guideNote)],
]);
