/**
 * Assembles script steps from a stream of pieces (see `splitScriptLine`). Shared by both formats so that
 * `scripts[]` means the same thing whatever the source. Placeholders are not read here: the shared
 * assembly (assemble.ts) derives them.
 */
import type { ScriptBranch, ScriptStep } from '../../../shared/guide';
import type { Piece } from './markup';

export type ScriptBranchDraft = Omit<ScriptBranch, 'placeholders'>;

/** A script step before assembly: everything but the derived placeholders. */
export interface ScriptStepDraft extends Omit<ScriptStep, 'placeholders' | 'branches'> {
  branches: ScriptBranchDraft[];
}

export interface ScriptDraft {
  steps: ScriptStepDraft[];
  /** Notes met before the first step. */
  notes: string[];
  /** Script text met before the first step (an export that numbers no steps). */
  looseText: string;
}

interface TextTarget {
  lines: string[];
  open: boolean;
}

interface StepDraft {
  step: number;
  title: string;
  body: TextTarget;
  notes: string[];
  condition: string | null;
  branches: { condition: string; body: TextTarget; notes: string[] }[];
  reference: boolean;
}

function newTarget(): TextTarget {
  return { lines: [], open: false };
}

function appendText(t: TextTarget, text: string): void {
  if (t.open && t.lines.length > 0) t.lines[t.lines.length - 1] += ` ${text}`;
  else t.lines.push(text);
  t.open = true;
}

function breakParagraph(t: TextTarget): void {
  t.open = false;
  if (t.lines.length > 0 && t.lines[t.lines.length - 1] !== '') t.lines.push('');
}

function targetText(t: TextTarget): string {
  return t.lines
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function addUnique(list: string[], item: string): void {
  const t = item.trim();
  if (t && !list.includes(t)) list.push(t);
}

export class ScriptBuilder {
  private steps: StepDraft[] = [];
  private cur: StepDraft | null = null;
  private branch: StepDraft['branches'][number] | null = null;
  private pre = newTarget();
  private preNotes: string[] = [];

  /** Starts a step explicitly (authored `:::script` blocks). */
  startStep(n: number, title: string): void {
    this.cur = { step: n, title, body: newTarget(), notes: [], condition: null, branches: [], reference: false };
    this.steps.push(this.cur);
    this.branch = null;
  }

  /** Feeds the pieces of one source line; the line ends after them. */
  feed(pieces: Piece[]): void {
    for (const p of pieces) {
      switch (p.k) {
        case 'step':
          this.startStep(p.n, p.title);
          break;
        case 'ref':
          if (this.cur) {
            this.cur.reference = true;
            this.branch = null;
          } else addUnique(this.preNotes, p.text);
          break;
        case 'cond': {
          if (!p.text) break;
          const cur = this.cur;
          if (!cur) {
            addUnique(this.preNotes, p.text);
            break;
          }
          const bodyEmpty = targetText(cur.body) === '';
          if (!cur.reference && !this.branch && bodyEmpty && cur.condition === null) {
            cur.condition = p.text;
          } else {
            this.branch = { condition: p.text, body: newTarget(), notes: [] };
            cur.branches.push(this.branch);
          }
          break;
        }
        case 'note':
          if (!p.text) break;
          if (this.branch) addUnique(this.branch.notes, p.text);
          else if (this.cur) addUnique(this.cur.notes, p.text);
          else addUnique(this.preNotes, p.text);
          break;
        case 'text':
          if (!p.text) break;
          if (this.branch) appendText(this.branch.body, p.text);
          else if (this.cur && this.cur.reference) addUnique(this.cur.notes, p.text);
          else if (this.cur) appendText(this.cur.body, p.text);
          else appendText(this.pre, p.text);
          break;
      }
    }
    this.endLine();
  }

  private endLine(): void {
    if (this.branch) this.branch.body.open = false;
    if (this.cur) this.cur.body.open = false;
    this.pre.open = false;
  }

  /** A blank line / end of a paragraph or table cell. */
  paragraphBreak(): void {
    if (this.branch) breakParagraph(this.branch.body);
    else if (this.cur) breakParagraph(this.cur.body);
    else breakParagraph(this.pre);
  }

  /** Ends the current branch (a new table row, a new section). */
  endBranch(): void {
    this.branch = null;
  }

  /** Leaves the script area: later content must not be added to the last step. */
  close(): void {
    this.cur = null;
    this.branch = null;
  }

  finish(): ScriptDraft {
    const steps = this.steps.map((d) => ({
      step: d.step,
      title: d.title,
      text: targetText(d.body),
      notes: d.notes,
      condition: d.condition,
      branches: d.branches.map((b) => ({ condition: b.condition, text: targetText(b.body), notes: b.notes })),
    }));
    return { steps, notes: this.preNotes, looseText: targetText(this.pre) };
  }
}
