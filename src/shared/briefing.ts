/**
 * The trainer's change briefing and change timeline, computed by core/versions (briefing.ts,
 * timeline.ts) and shown by the 변경 사항 screen, `guidedesk changes --format html|md` and the
 * printed PDF. Add fields, never rename: the command line's JSON carries these shapes.
 */
import type { ChangeEvent, DiffChange, IsoDate } from './guide';

/** A period of days, both ends included; `until` null means "up to now". */
export interface ChangePeriod {
  since: IsoDate;
  until: IsoDate | null;
}

/**
 * What happened to a guide in the period. `new`: no version was in force the day before `since`
 * (the guide appeared). `retired`: its last copy was archived in the period and nothing replaced it.
 * `changed`: anything else with an event in the period (a new version, or a step taking effect).
 */
export type BriefingKind = 'new' | 'changed' | 'retired';

export interface BriefingGuide {
  id: string;
  title: string;
  /** 상담 유형 path of the version shown (`to`). */
  category: string[];
  kind: BriefingKind;
  retired: boolean;
  currentPath: string | null;
  /** The newest event date in the period: the order of the briefing. */
  latest: IsoDate;
  /** Events in the period, oldest first (as in the digest). */
  events: ChangeEvent[];
  /** The version compared from (in force the day before the period), or null for a new guide. */
  from: string | null;
  /** The version compared to (in force at the period's end: the current one when it is open-ended). */
  to: string;
  /** Title of each end as written, archive prefix included. */
  fromTitle: string | null;
  toTitle: string;
  /**
   * The structured diff `from` → `to` (the `보관일` archive-date change left out: it is an event).
   * For a new guide, what it holds, every item as `added`. Empty when both ends are one version.
   */
  changes: DiffChange[];
  /** True when the diff ran in plain-text mode (a side without structure). */
  plainText: boolean;
}

export interface BriefingGroup {
  /** The top level of the 상담 유형 path (`주차_고객`), or `분류 없음`. */
  category: string;
  /** The newest event date of any guide in the group. */
  latest: IsoDate;
  /** Newest first; ties by title in Korean order. */
  guides: BriefingGuide[];
}

export interface ChangeBriefing {
  period: ChangePeriod;
  /** Guides listed, and changes (diff entries) over all of them. */
  guideCount: number;
  changeCount: number;
  /** Newest first; ties by category name. */
  groups: BriefingGroup[];
}

export type TimelineUnit = 'week' | 'month';

export interface TimelineBucket {
  /** First and last day of the week (Monday–Sunday) or calendar month. */
  start: IsoDate;
  end: IsoDate;
  /** Changes per top-level category; categories without changes are absent. */
  counts: Record<string, number>;
  total: number;
}

/**
 * Changes over time: one change is one guide changing on one day (an archive and the successor
 * taking effect that day are one change). Buckets run without gaps from the first change to the last.
 */
export interface ChangeTimeline {
  unit: TimelineUnit;
  /** Every top-level category with a change, most changes first (ties by name). */
  categories: string[];
  buckets: TimelineBucket[];
  total: number;
  /** The first and last change day, or null when nothing ever changed. */
  first: IsoDate | null;
  last: IsoDate | null;
}

/** Category name for guides without a 상담 유형. */
export const UNCATEGORISED = '분류 없음';
