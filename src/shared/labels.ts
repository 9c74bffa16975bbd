/**
 * Labels that name a place in a guide, written once so that search results, diffs, the change
 * briefing and the copy notices all call step 21 the same thing.
 */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A script step number as the guides write it: ①…⑳, then `(21)`, `(22)`… (no circled glyph). */
export function circled(step: number): string {
  return Number.isInteger(step) && step >= 1 && step <= CIRCLED.length ? CIRCLED[step - 1] : `(${step})`;
}

/** `스크립트 ③`: how every screen and output names a script step. */
export function scriptLabel(step: number): string {
  return `스크립트 ${circled(step)}`;
}

/** `text` with every regular-expression metacharacter escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
