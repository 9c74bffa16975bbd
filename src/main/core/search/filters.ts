/**
 * Filters: which versions a search may return (`SearchOptions.archived`, `asOf`, `category`),
 * as one byte per version. See `SearchOptions` in src/shared/search.ts for the contract.
 */
import type { SearchOptions } from '../../../shared/search';
import { compact } from './hangul';
import type { VersionMeta } from './prepare';

/** Equal keys mean equal eligibility (for one set of tombstones). */
export function filterKey(o: SearchOptions): string {
  return `${o.archived ?? 'exclude'}|${o.asOf ?? ''}|${o.category ?? ''}`;
}

/** Whether the filter can only ever admit current versions (the default search). */
export function currentOnly(o: SearchOptions): boolean {
  return !o.asOf && (o.archived ?? 'exclude') === 'exclude';
}

/** Per version: 1 when the filter admits it and it is not a tombstone (`dead[v]`), else 0. */
export function eligibleVersions(metas: VersionMeta[], o: SearchOptions, dead: Uint8Array | null): Uint8Array {
  const elig = new Uint8Array(metas.length);
  const catPrefix = o.category ? splitCategory(o.category) : null;
  for (let v = 0; v < metas.length; v++) {
    const m = metas[v];
    let ok: boolean;
    if (o.asOf) ok = (m.validFrom === null || m.validFrom <= o.asOf) && (m.validTo === null || o.asOf <= m.validTo);
    else if (o.archived === 'include') ok = true;
    else if (o.archived === 'only') ok = m.archived;
    else ok = m.isCurrent;
    if (ok && catPrefix) ok = categoryHasPrefix(m.category, catPrefix);
    if (ok && dead && dead[v]) ok = false;
    elig[v] = ok ? 1 : 0;
  }
  return elig;
}

function splitCategory(s: string): string[] {
  return s
    .normalize('NFC')
    .split(/\s*(?:▶|>|\/)\s*/)
    .map((x) => compact(x))
    .filter((x) => x.length > 0);
}

function categoryHasPrefix(category: string[], prefix: string[]): boolean {
  if (prefix.length > category.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const c = compact(category[i]);
    if (i === prefix.length - 1 ? !c.startsWith(prefix[i]) : c !== prefix[i]) return false;
  }
  return true;
}
