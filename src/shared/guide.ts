/**
 * The guide model: what one version of a guide file becomes after parsing.
 * Shared by main (producer), the CLI (JSON output) and the renderer (display).
 * Field names mirror the public CLI contract in docs/cli.md; add fields, never rename.
 */

/** Calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable machine code, e.g. `encoding-invalid`, `binary-file`, `empty-file`, `too-large`, `no-title`. */
  code: string;
  /** Human-readable message (English or Korean), naming what is wrong and what to do. */
  message: string;
  /** 1-based line in the decoded text, when the problem has a place. */
  line?: number;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949';

export interface PolicyRow {
  /** The row's main statement, without the leading bullet (`·`). */
  text: string;
  /** `ㄴ` sub-lines and other notes under the row, without the `ㄴ` marker. */
  notes: string[];
  /** Phone numbers found in the row and its notes, normalised with dashes (`02-6925-0023`). */
  phones: string[];
}

/** A conditional part of a script: `> 모두의 주차권을 사용한 경우` and what to say then. */
export interface ScriptBranch {
  condition: string;
  text: string;
  notes: string[];
  placeholders: string[];
}

export interface ScriptStep {
  /** 1-based step number (① → 1). */
  step: number;
  title: string;
  /** Customer-facing text only, exactly what the copy button puts on the clipboard. Line breaks kept. */
  text: string;
  /** Counselor-only notes (`*`, `※` lines), markers removed. */
  notes: string[];
  /** Condition under which the whole step's script applies (`> …경우`), or null. */
  condition: string | null;
  /** Placeholders in `text`, in order of appearance, unique (`20OO-OO-OO`, `OOO`). */
  placeholders: string[];
  /** Further conditional scripts belonging to this step (e.g. a `[참고]` table's `> …시` case). */
  branches: ScriptBranch[];
}

export interface GuideLink {
  text: string;
  href: string;
  /** Id of the guide in the pack this link points to, or null when it points outside the pack. */
  target: string | null;
}

export type GuideFormat = 'zendesk-export' | 'authored';

/** One parsed guide file: one version of one guide. */
export interface GuideVersion {
  /** Guide id shared by every version: front-matter `id`, else derived from the canonical title. */
  id: string;
  /** Path relative to the content root, NFC, `/`-separated. Unique per version. */
  path: string;
  format: GuideFormat;
  /** Canonical title: archive prefix removed, NFC, whitespace collapsed. */
  title: string;
  /** Title exactly as written (after NFC), archive prefix included. */
  rawTitle: string;
  archived: boolean;
  archivedAt: IsoDate | null;
  /** 상담 유형 path without the final option list: `[주차_고객, 결제, 이중결제]`. */
  category: string[];
  /** The final option list of the 상담 유형 path: `[연동, 비연동, 기타]`. */
  categoryOptions: string[];
  /** 응대 순서 steps. */
  responseSteps: string[];
  policies: PolicyRow[];
  /** The Q&A question without the `Q.` marker, or null. */
  question: string | null;
  scripts: ScriptStep[];
  /** Every placeholder in the guide, unique, in order of first appearance. */
  placeholders: string[];
  /** Every phone number in the guide, unique, in order of first appearance. */
  phones: string[];
  links: GuideLink[];
  /** `24.11.27부터 적용` → `2024-11-27`; front-matter `effective` included. Sorted, unique. */
  effectiveDates: IsoDate[];
  /** `24.12.31까지` → `2024-12-31`. Sorted, unique. */
  expiryDates: IsoDate[];
  /** Counselor notes that belong to no script step (`*`, `※` lines elsewhere). */
  notes: string[];
  /** The cleaned Markdown (export noise removed) that the raw view renders. */
  markdown: string;
  /** Plain text of the whole guide for full-text search, NFC, one space between words. */
  plainText: string;
  /**
   * Front-matter `effective`: the first day this whole version applies, when the file says so.
   * Unlike `effectiveDates` (which also holds in-text `…부터 적용` dates that usually date one step),
   * this is version-level; core/versions prefers it for `validFrom`. Optional: absent = not given.
   */
  effectiveFrom?: IsoDate | null;
  /** Zendesk Help Center article id (front-matter `zendeskId`), used to resolve links into the pack. */
  zendeskId?: string | null;
  /** Front-matter `owner`: who keeps this guide current (a person or a team). Absent = not given. */
  owner?: string | null;
  /**
   * Front-matter `reviewBy`: the day by which the owner reviews the guide again. A current version
   * past it is flagged 검토 필요 in the guide view and by `guidedesk check`. Absent = not given.
   */
  reviewBy?: IsoDate | null;
}

/** The result of reading one file of the content folder. A file that fails still has a report. */
export interface FileReport {
  path: string;
  status: 'ok' | 'warning' | 'error';
  encoding: TextEncoding | null;
  problems: Problem[];
}

/** Where a version sits in its guide's history (computed by core/versions). */
export interface VersionSummary {
  path: string;
  archived: boolean;
  archivedAt: IsoDate | null;
  /** First day this version is in force, or null when unknown (oldest version without dates). */
  validFrom: IsoDate | null;
  /**
   * Last day this version is in force, or null while current. A copy archived on D (`보관-D`) was
   * replaced on D, so it is in force through the day before D (see core/versions/history.ts).
   */
  validTo: IsoDate | null;
}

export interface GuideHistory {
  id: string;
  /** Title of the newest version. */
  title: string;
  /** Oldest first. */
  versions: VersionSummary[];
  /** Path of the current (not archived) version, or null when every copy is archived (retired). */
  currentPath: string | null;
  retired: boolean;
  /**
   * Paths of further non-archived copies of the same guide that lost to `currentPath` (content
   * error: two "current" files). They are not part of `versions`. Absent or empty when none.
   */
  conflicts?: string[];
}

export type DiffSection = 'category' | 'responseSteps' | 'policies' | 'scripts' | 'dates' | 'text';

/** A run of text inside a changed line, for word-level marks. */
export interface DiffSpan {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface DiffChange {
  section: DiffSection;
  op: 'added' | 'removed' | 'changed';
  /** Text on the `from` side, or null for an addition. */
  before: string | null;
  /** Text on the `to` side, or null for a removal. */
  after: string | null;
  /** Where in the section: `스크립트 ③`, `정책: 속초시 공영주차장`, `응대 순서 2`. */
  label?: string;
  /** Word-level marks for a `changed` entry: the merged sequence of same/added/removed runs. */
  spans?: DiffSpan[];
}

export interface GuideDiff {
  from: string;
  to: string;
  changes: DiffChange[];
}

/** The change digest for trainers (`changes --since`), computed by core/versions/digest.ts. */
export interface ChangeEvent {
  /**
   * `archived`: a copy was archived (replaced) that day. `effective`: a version's validity window
   * starts that day. `dated`: an in-text `…부터 적용` date of the newest version (not present in the
   * version before it), usually one step taking effect later than the version itself.
   */
  kind: 'archived' | 'effective' | 'dated';
  date: IsoDate;
  path: string;
}

export interface ChangeSummary {
  from: string;
  to: string;
  /** Number of changes in total (the `보관일` archive-date change is left out: it is an event). */
  total: number;
  /** Number of changes per section; sections without changes are absent. */
  counts: Partial<Record<DiffSection, number>>;
  /** The first few distinct change labels, in diff order (`정책: 속초시 공영주차장`, `스크립트 ③`). */
  labels: string[];
}

export interface ChangeDigestEntry {
  id: string;
  title: string;
  retired: boolean;
  currentPath: string | null;
  /** Events on or after `since`, by date, then kind (archived, effective, dated), then path. */
  events: ChangeEvent[];
  /**
   * Diff from the version in force the day before `since` (else the oldest version) to the current
   * (else newest) version; when the only news is a step-level `dated` event, from the version before
   * the newest instead. Null when either file is missing from `versions`. When both ends are the
   * same version the summary has no changes.
   */
  summary: ChangeSummary | null;
}
