/**
 * The query front-end: turns what the counselor typed into groups of alternatives to look up,
 * and says how it understood the query (for display).
 *
 * Order matters (see docs/search.md): NFC → wrong keyboard layout → synonyms → 초성 / mixed /
 * half-typed syllable → particle stripping → jamo typo tolerance. Typo tolerance runs last, so
 * `dlwndruftp` (layout mistake plus a one-jamo typo) becomes 이중결세 and then 이중결제.
 */
import {
  compact,
  convertLayout,
  endsWithJamo,
  isChoseongOnly,
  isConsonantJamo,
  isMixedChoseong,
  stripParticle,
  termPattern,
} from './hangul';
import { lookupSynonyms, type SynonymTable } from './synonyms';

/** What the front-end needs to know about the index. */
export interface QueryContext {
  /** How many indexed segments contain this compact string (0 = not in the index). */
  frequency(compactTerm: string): number;
  /** Index words whose 초성 contain this 초성 string, best first. */
  expandChoseong(choseong: string, limit: number): string[];
  /** Index words matching a regex source (see hangul.termPattern), best first. */
  expandPattern(source: string, limit: number): string[];
  /** Index words within a small jamo edit distance of the term, best first. */
  typoCandidates(term: string, limit: number): string[];
  synonyms?: SynonymTable;
}

export interface Alternative {
  /** Compact text to look up. */
  text: string;
  /** Multiplier on the score (1 = exactly as typed). */
  weight: number;
}

export interface TermGroup {
  /** The token as typed (after layout conversion). */
  display: string;
  alts: Alternative[];
}

export interface QueryPlan {
  query: string;
  groups: TermGroup[];
  /** Compact form of the whole query when it has more than one token (phrase bonus). */
  phrase: string | null;
  interpretedAs: string[];
}

const EXPANSIONS = 4;
const MAX_TERMS = 16;

export function planQuery(raw: string, ctx: QueryContext): QueryPlan {
  const query = raw.normalize('NFC').trim();
  const plan: QueryPlan = { query, groups: [], phrase: null, interpretedAs: [] };
  if (!query) return plan;
  const notes = plan.interpretedAs;

  // 1. Wrong keyboard layout, per whitespace token, unless the token is itself in the index.
  const tokens = query.split(/\s+/).map((tok) => {
    if (!/^[A-Za-z]+$/.test(tok)) return tok;
    if (ctx.frequency(compact(tok)) > 0) return tok;
    const conv = convertLayout(tok);
    if (!conv) return tok;
    notes.push(`${tok} → ${conv}`);
    return conv;
  });

  // 2. Whole-query synonyms (a multi-word entry such as `이중 결제`).
  const whole = compact(tokens.join(''));
  const wholeSyn = tokens.length > 1 ? lookupSynonyms(ctx.synonyms, whole) : [];
  if (wholeSyn.length > 0) {
    const group: TermGroup = { display: tokens.join(' '), alts: [{ text: whole, weight: 1 }] };
    for (const s of wholeSyn) group.alts.push({ text: compact(s), weight: 0.9 });
    notes.push(`${tokens.join(' ')} → ${wholeSyn.join(', ')} (동의어)`);
    plan.groups.push(group);
    return plan;
  }

  // Repeated tokens add nothing; a pasted paragraph is capped to its first MAX_TERMS words.
  const compactTokens = [...new Set(tokens.map(compact).filter((t) => t.length > 0))].slice(0, MAX_TERMS);
  compactTokens.forEach((t, i) => {
    const isLast = i === compactTokens.length - 1;
    plan.groups.push(planTerm(t, isLast, ctx, notes));
  });
  if (compactTokens.length > 1) plan.phrase = compactTokens.join('');
  return plan;
}

function addAlt(group: TermGroup, text: string, weight: number): void {
  const t = compact(text);
  if (!t) return;
  const existing = group.alts.find((a) => a.text === t);
  if (existing) existing.weight = Math.max(existing.weight, weight);
  else group.alts.push({ text: t, weight });
}

function planTerm(t: string, isLast: boolean, ctx: QueryContext, notes: string[]): TermGroup {
  const group: TermGroup = { display: t, alts: [{ text: t, weight: 1 }] };

  const syns = lookupSynonyms(ctx.synonyms, t);
  for (const s of syns) addAlt(group, s, 0.9);
  if (syns.length > 0) notes.push(`${t} → ${syns.join(', ')} (동의어)`);

  if (isChoseongOnly(t)) {
    const words = ctx.expandChoseong(t, EXPANSIONS);
    for (const w of words) addAlt(group, w, 0.9);
    notes.push(`${t}: 초성`);
    return group;
  }

  // A lone jamo says too little to expand (every word has some syllable starting with it).
  if (t.length === 1 && endsWithJamo(t)) return group;

  const jamoCount = [...t].filter(isConsonantJamo).length;
  if (isMixedChoseong(t) || (isLast && endsWithJamo(t))) {
    const halfTyped = isLast && endsWithJamo(t) && jamoCount === 1;
    const words = ctx.expandPattern(termPattern(t, isLast), EXPANSIONS);
    for (const w of words) addAlt(group, w, 0.9);
    if (halfTyped && words.length > 0) notes.push(`${t} → ${words[0]} (입력 중)`);
    else notes.push(`${t}: 초성 섞임`);
    return group;
  }

  if (ctx.frequency(t) > 0) return group;

  // Not in the index as typed: the last syllable may still be under composition (`이중겨`).
  if (isLast) {
    const words = ctx.expandPattern(termPattern(t, true), EXPANSIONS);
    if (words.length > 0) {
      for (const w of words) addAlt(group, w, 0.9);
      notes.push(`${t} → ${words[0]} (입력 중)`);
      return group;
    }
  }

  const stem = stripParticle(t);
  if (stem && ctx.frequency(stem) > 0) {
    addAlt(group, stem, 0.95);
    return group;
  }

  const fixes = ctx.typoCandidates(t, 3);
  if (fixes.length > 0) {
    for (const f of fixes) addAlt(group, f, 0.8);
    notes.push(`${t} → ${fixes[0]} (오타)`);
  }
  return group;
}
