/**
 * Text output that one line of content cannot break or disguise. File names come from the disk and
 * titles and messages from guide files: a newline in a name would split one report line into two, a
 * carriage return or an RTL override would make a line show something else than it says.
 *
 * - `shownName`: a path or title as one token. Printed as it is when it is plain; otherwise quoted
 *   like a JSON string (`"a\nb.md"`), so the quoted form is never mistaken for a real name (`a\b.md`
 *   is plain and stays unquoted).
 * - `oneLine`: free text (a problem message) with every control character escaped.
 */

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

function escapeOne(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text with every unprintable character written as an escape (`\n`, `\u202e`). */
export function oneLine(text: string): string {
  return text.replace(UNPRINTABLE, escapeOne);
}

/** A path or title: plain as it is, or quoted with escapes when it holds anything unprintable. */
export function shownName(name: string): string {
  UNPRINTABLE.lastIndex = 0;
  if (!UNPRINTABLE.test(name) && !name.startsWith('"')) return name;
  return `"${oneLine(name.replace(/["\\]/g, '\\$&'))}"`;
}
