/** Public API of core/versions: guide histories, validity windows, version diffs, change digests. */
export { buildHistories, versionInForce, findHistory } from './history';
export {
  diffVersions,
  ARCHIVE_DATE_LABEL,
  sectionText,
  hasStructure,
  isPlainTextDiff,
  policySubject,
  policyRowText,
} from './diff';
export { changesSince, DIGEST_LABEL_LIMIT } from './digest';
export type { ChangeDigestEntry, ChangeEvent, ChangeSummary } from './digest';
export { wordSpans, splitSentences, similarity } from './textdiff';
export { addDays, isIsoDate, compareDates } from './dates';
