/**
 * Public API of core/versions: guide histories, validity windows, version diffs, change digests,
 * the trainer's change briefing and the change timeline.
 */
export { buildHistories, versionInForce, findHistory } from './history';
export {
  diffVersions,
  ARCHIVE_DATE_LABEL,
  sectionText,
  hasStructure,
  isPlainTextDiff,
  policySubject,
  policyRowText,
  introduceVersion,
} from './diff';
export { changesSince, DIGEST_LABEL_LIMIT } from './digest';
export { changeBriefing, briefGuide, groupBriefing, topCategory } from './briefing';
export { changeTimeline, bucketOf, weekday } from './timeline';
export type { ChangeDigestEntry, ChangeEvent, ChangeSummary } from './digest';
export { wordSpans, splitSentences, similarity } from './textdiff';
export { addDays, isIsoDate, compareDates } from './dates';
