/**
 * A named, ordered chain of line rules: the shape both guide parsers are written in (the idea is
 * markdown-it's `Ruler`; this is our own, much smaller one).
 *
 * Contract of a rule: `run(state, line)` is offered one line of the document, after every rule
 * before it in the chain has declined that line. It returns `true` when it has consumed the line
 * (no later rule sees it) and `false` to pass it on. A rule that passes may still have updated the
 * state (for example entered a section); its documentation says so. Rules share only `state`; a
 * rule never looks at other rules or reorders the chain.
 */
export interface LineRule<State, Line> {
  /** Unique within its chain; shown by traces and tests. */
  readonly name: string;
  readonly run: (state: State, line: Line) => boolean;
}

export class RuleChain<State, Line> {
  private readonly rules: readonly LineRule<State, Line>[];

  constructor(rules: readonly LineRule<State, Line>[]) {
    const seen = new Set<string>();
    for (const rule of rules) {
      if (seen.has(rule.name)) throw new Error(`Rule "${rule.name}" is declared twice in one chain.`);
      seen.add(rule.name);
    }
    this.rules = rules;
  }

  /** The rule names in the order they are offered each line. */
  get names(): string[] {
    return this.rules.map((r) => r.name);
  }

  /** Offers `line` to each rule in order; returns the name of the rule that consumed it, or null. */
  offer(state: State, line: Line): string | null {
    for (const rule of this.rules) if (rule.run(state, line)) return rule.name;
    return null;
  }
}

/** Shorthand for declaring a chain as `[name, run]` pairs, in order, in one place. */
export function ruleChain<State, Line>(
  rules: readonly (readonly [string, (state: State, line: Line) => boolean])[],
): RuleChain<State, Line> {
  return new RuleChain(rules.map(([name, run]) => ({ name, run })));
}
