/** What the right side of the window shows. */
export type Screen =
  { kind: 'guide' } | { kind: 'diff'; from: string; to: string } | { kind: 'changes' } | { kind: 'files' };

export type ScreenKind = Screen['kind'];
