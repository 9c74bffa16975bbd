/**
 * The authored body (everything under the front matter) as a chain of line rules (see ruler.ts for
 * the contract). Each line is offered to `AUTHORED_RULES` in the order declared at the bottom of
 * this file. `:::script` blocks hold the scripts; headings name sections; the rest is Markdown.
 */
import { ATX_HEADING, isDelimiterRow, splitTableRow } from '../lineSyntax';
import { SCRIPT_HEAD, normalizeSpaces, splitScriptLine, stepNumber, stripInline } from '../markup';
import { PolicyCollector } from '../policies';
import { ruleChain } from '../ruler';
import { ScriptBuilder } from '../scriptBuilder';

/** One body line, spaces normalised; its visible text is computed when a rule first asks. */
export class BodyLine {
  private visible: string | undefined;

  constructor(readonly raw: string) {}

  get text(): string {
    this.visible ??= stripInline(this.raw);
    return this.visible;
  }
}

/** What the rules share while one authored body is read. */
export interface AuthoredState {
  /** Inside a `:::script` block. */
  inScript: boolean;
  /** Number of the last step opened (a block without a number takes the next). */
  lastStep: number;
  section: 'none' | 'policy' | 'script' | 'other';
  /** The rendered Markdown, line by line. */
  readonly md: string[];
  /** Index in `md` of the title heading, or -1. */
  titleLine: number;
  /** Text of the first `# ` heading, or null. */
  headingTitle: string | null;
  question: string | null;
  /** `상담 유형: …` written in the body, used when the front matter has no `category:`. */
  category: string | null;
  /** `응대 순서: …` written in the body, used when the front matter has no `responseSteps:`. */
  responseSteps: string | null;
  /** Rows of the table being read. */
  tableRows: string[][];
  readonly notes: string[];
  readonly script: ScriptBuilder;
  readonly policies: PolicyCollector;
}

export function newAuthoredState(): AuthoredState {
  return {
    inScript: false,
    lastStep: 0,
    section: 'none',
    md: [],
    titleLine: -1,
    headingTitle: null,
    question: null,
    category: null,
    responseSteps: null,
    tableRows: [],
    notes: [],
    script: new ScriptBuilder(),
    policies: new PolicyCollector(),
  };
}

type Rule = (state: AuthoredState, line: BodyLine) => boolean;

const SCRIPT_OPEN = /^\s*:::\s*script\b\s*(.*)$/iu;
const BLOCK_CLOSE = /^\s*:::\s*$/;
const TABLE_ROW = /^\s*\|/;

/** Ends the table being read: a table in the policy section gives policy rows. */
export function endTable(state: AuthoredState): void {
  if (state.tableRows.length && state.section === 'policy') state.policies.addTable(state.tableRows);
  state.tableRows = [];
}

/** `:::` inside a script block: the block (and its step) ends. */
const scriptBlockEnd: Rule = (state, line) => {
  if (!state.inScript || !BLOCK_CLOSE.test(line.raw)) return false;
  state.inScript = false;
  state.script.close();
  state.md.push('');
  return true;
};

/** Any other line inside a script block: shown as written, fed to the script builder. */
const scriptBlockLine: Rule = (state, line) => {
  if (!state.inScript) return false;
  // A condition line gets its own paragraph so the script under it is not swallowed by the quote.
  if (/^\s*>/.test(line.raw)) state.md.push(line.raw, '');
  else state.md.push(line.raw);
  if (/^\s*$/.test(line.raw)) state.script.paragraphBreak();
  else state.script.feed(splitScriptLine(line.raw.replace(/^\s*-\s+(?=[*※>])/u, '')));
  return true;
};

/** A line that is not a table row ends the table being read; passes the line on. */
const tableEnd: Rule = (state, line) => {
  if (!TABLE_ROW.test(line.raw)) endTable(state);
  return false;
};

/** `:::script ① 제목` (or `1.`, or no number): opens a step, shown as a `###` heading. */
const scriptBlockStart: Rule = (state, line) => {
  const open = SCRIPT_OPEN.exec(line.raw);
  if (!open) return false;
  state.inScript = true;
  const head = open[1].trim();
  const m = SCRIPT_HEAD.exec(head);
  let n = m?.[1] ? stepNumber(m[1]) : m?.[2] ? Number(m[2]) : 0;
  if (!n) n = state.lastStep + 1;
  state.lastStep = n;
  state.script.startStep(n, stripInline(m?.[3] ?? head));
  state.md.push('', `### ${head || `${n}`}`, '');
  return true;
};

/** Every line outside script blocks is shown as written; passes the line on. */
const markdown: Rule = (state, line) => {
  state.md.push(line.raw);
  return false;
};

/** A table row: collected until the table ends (the `|---|` row dropped). */
const tableRow: Rule = (state, line) => {
  if (!TABLE_ROW.test(line.raw)) return false;
  const cells = splitTableRow(line.raw);
  if (!isDelimiterRow(cells)) state.tableRows.push(cells);
  return true;
};

/** The first `# ` heading is the title; any other heading picks the section by its words. */
const heading: Rule = (state, line) => {
  const m = ATX_HEADING.exec(line.raw);
  if (!m) return false;
  const t = stripInline(m[2]);
  if (m[1].length === 1 && state.headingTitle === null) {
    state.headingTitle = t;
    state.titleLine = state.md.length - 1;
    return true;
  }
  if (/정책|참고\s*사항|유의\s*사항|안내\s*사항/u.test(t)) state.section = 'policy';
  else if (/스크립트|Q\s*&\s*A|멘트/iu.test(t)) state.section = 'script';
  else state.section = 'other';
  state.policies.endRow();
  return true;
};

/** A line with no visible text: ends the policy row. */
const blank: Rule = (state, line) => {
  if (line.text) return false;
  if (state.section === 'policy') state.policies.endRow();
  return true;
};

/** `Q. …`: the guide's question (the first one counts). */
const question: Rule = (state, line) => {
  const m = /^Q\s*[.:)]\s*(.+)$/u.exec(line.text);
  if (!m) return false;
  if (state.question === null) state.question = m[1].trim();
  return true;
};

/** `상담 유형: …` in the body. */
const category: Rule = (state, line) => {
  const m = /^(?:[-*]\s*)?상담\s*유형\s*[:：]\s*(.+)$/u.exec(line.text);
  if (m) state.category = m[1];
  return m !== null;
};

/** `응대 순서: …` in the body. */
const responseSteps: Rule = (state, line) => {
  const m = /^(?:[-*]\s*)?응대\s*(?:순서|절차)\s*[:：]\s*(.+)$/u.exec(line.text);
  if (m) state.responseSteps = m[1];
  return m !== null;
};

/** `*` / `※` lines in the policy section: indented under a row they belong to it, at the top level to the guide. */
const policyNote: Rule = (state, line) => {
  if (state.section !== 'policy') return false;
  const m = /^(\s*)(?:\*|※)\s*(.+)$/u.exec(line.raw);
  if (!m || /^\s*\*\*/.test(line.raw)) return false;
  if (m[1].length >= 2) state.policies.add(`ㄴ ${m[2]}`);
  else state.notes.push(stripInline(m[2]));
  return true;
};

/** A list item in the policy section: a row, or a note of the row when indented. */
const policyItem: Rule = (state, line) => {
  if (state.section !== 'policy') return false;
  const m = /^(\s*)(?:[-+]|\d+[.)])\s+(.*)$/u.exec(line.raw);
  if (!m) return false;
  const content = m[2];
  if (m[1].length >= 2)
    state.policies.add(/^\s*(?:ㄴ|└|↳|※|\*)/u.test(stripInline(content)) ? content : `ㄴ ${content}`);
  else state.policies.add(`· ${content}`, true);
  return true;
};

/** Any other line in the policy section continues or starts a row. */
const policyLine: Rule = (state, line) => {
  if (state.section !== 'policy') return false;
  state.policies.add(line.raw);
  return true;
};

/** A `※` / `*` line anywhere else: a guide note. */
const guideNote: Rule = (state, line) => {
  const m = /^(?:[-*]\s+)?(?:※|\*)\s*(.+)$/u.exec(line.raw.trim());
  if (m) state.notes.push(stripInline(m[1]));
  return m !== null;
};

/** The authored body's rules, in the order each line is offered to them. */
export const AUTHORED_RULES = ruleChain<AuthoredState, BodyLine>([
  ['script-block-end', scriptBlockEnd],
  ['script-block-line', scriptBlockLine],
  ['table-end', tableEnd],
  ['script-block-start', scriptBlockStart],
  ['markdown', markdown],
  ['table-row', tableRow],
  ['heading', heading],
  ['blank', blank],
  ['question', question],
  ['category', category],
  ['response-steps', responseSteps],
  ['policy-note', policyNote],
  ['policy-item', policyItem],
  ['policy-line', policyLine],
  ['guide-note', guideNote],
]);

/** Reads a whole body: every line through the chain, then the table left open is ended. */
export function readBody(body: string, onClaim?: (line: number, rule: string | null) => void): AuthoredState {
  const state = newAuthoredState();
  body.split('\n').forEach((raw, i) => {
    const rule = AUTHORED_RULES.offer(state, new BodyLine(normalizeSpaces(raw)));
    onClaim?.(i + 1, rule);
  });
  endTable(state);
  return state;
}
