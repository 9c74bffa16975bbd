/**
 * The one IPC contract between the renderer and the main process.
 *
 * Every channel name lives here and nowhere else. Each operation has a request type, a response
 * type and a payload validator that the main process runs at the boundary before any handler sees
 * the payload. The preload exposes exactly one function per operation, named as in `GuideDeskApi`.
 */
import type { ChangeBriefing, ChangeTimeline, TimelineUnit } from './briefing';
import { isIsoDate } from './dates';
import type { ChangeDigestEntry, FileReport, GuideDiff, GuideHistory, GuideVersion, IsoDate, Problem } from './guide';
import type { ArchivedFilter, SearchResponse as IndexSearchResponse } from './search';

export type { ArchivedFilter, ChangeDigestEntry };

/**
 * Why search may be incomplete, or slower to start next time; the search pane shows it.
 * - `index-unavailable`: no index answers (its build failed); every search is empty until a retry works.
 * - `index-incomplete`: the build failed; a partial index (current versions only) or the one
 *   from before the last content change answers, so archived or changed guides may be missing.
 * - `worker-retrying`: the index worker failed and is being started again; results may be partial meanwhile.
 * - `worker-fallback`: the index worker kept failing and the index was built without it;
 *   results are complete.
 * - `cache-unavailable`: the index could not be saved (or read) on disk; results are complete,
 *   the next start will build it again.
 */
export type SearchNoticeCode =
  'index-unavailable' | 'index-incomplete' | 'worker-retrying' | 'worker-fallback' | 'cache-unavailable';

export interface SearchNotice {
  code: SearchNoticeCode;
  /** The technical reason, in English (for a tooltip and the logs): an errno, a path, an exit code. */
  detail: string;
  /** Whether the app will try again by itself. */
  retrying: boolean;
}

/** What a search answers across the boundary: the index's response (./search) and, when search is not fully healthy, why. */
export interface SearchResponse extends IndexSearchResponse {
  notice?: SearchNotice;
}

export interface GuideListItem {
  id: string;
  title: string;
  category: string[];
  /** Path of the version a counselor opens by default: the current one, or the newest archived. */
  defaultPath: string;
  retired: boolean;
  versionCount: number;
}

export interface LibrarySnapshot {
  contentRoot: string;
  guides: GuideListItem[];
  /** One report per file, including the ones that could not be read. */
  files: FileReport[];
  /** Today's date in the main process, so "expired" means the same everywhere. */
  today: IsoDate;
  indexing: boolean;
  /** Why search may be incomplete right now (as on a search response), when it is. */
  searchNotice?: SearchNotice;
}

export interface OpenGuideRequest {
  /** A guide id or a version path relative to the content root. */
  ref: string;
  /** Open the version in force on this date instead of the current one. */
  asOf?: IsoDate;
}

export interface GuideView {
  version: GuideVersion;
  html: string;
  renderProblems: Problem[];
  history: GuideHistory;
  today: IsoDate;
}

export interface SearchRequest {
  query: string;
  limit?: number;
  archived?: ArchivedFilter;
  asOf?: IsoDate;
  category?: string;
}

export interface DiffRequest {
  from: string;
  to: string;
}

export interface DiffView extends GuideDiff {
  fromTitle: string;
  toTitle: string;
}

export interface ChangesRequest {
  since: IsoDate;
}

export type { ChangeBriefing, ChangeTimeline, TimelineUnit };

export interface BriefingRequest {
  since: IsoDate;
  /** Last day of the period (included); absent: up to now. */
  until?: IsoDate;
}

export interface TimelineRequest {
  unit: TimelineUnit;
}

/** What the window shows when asked to save a PDF: the printed document's kind. */
export type PrintableDocument = 'briefing' | 'guide' | 'diff';

export interface SavePdfRequest {
  document: PrintableDocument;
  /** What the document is about (a guide's title, the briefing's period): the suggested file name. */
  title: string;
}

export interface SavePdfResponse {
  saved: boolean;
  /** Where the PDF was written, when saved. */
  path?: string;
  /** Why not: the trainer closed the dialog, no window can print here, or writing failed. */
  reason?: 'canceled' | 'unavailable' | 'failed';
  message?: string;
}

export interface OpenExternalRequest {
  url: string;
  // No "was it a click" flag: the main process decides that from the input events it saw itself.
}

export interface OpenExternalResponse {
  opened: boolean;
  reason?: string;
}

/** What the renderer can ask for: the single global `window.guidedesk`. */
export interface GuideDeskApi {
  getLibrary(): Promise<LibrarySnapshot>;
  openGuide(request: OpenGuideRequest): Promise<GuideView>;
  search(request: SearchRequest): Promise<SearchResponse>;
  diffVersions(request: DiffRequest): Promise<DiffView>;
  changesSince(request: ChangesRequest): Promise<ChangeDigestEntry[]>;
  /** The trainer's change briefing for a period (core/versions/briefing.ts). */
  changeBriefing(request: BriefingRequest): Promise<ChangeBriefing>;
  /** Every change over time, per week or month, by category (core/versions/timeline.ts). */
  changeTimeline(request: TimelineRequest): Promise<ChangeTimeline>;
  /** Prints the window as it shows now (print stylesheet, A4) to a PDF the trainer saves. */
  savePdf(request: SavePdfRequest): Promise<SavePdfResponse>;
  openExternal(request: OpenExternalRequest): Promise<OpenExternalResponse>;
  /** Called whenever the content folder changed and was re-read. Returns an unsubscribe function. */
  onLibraryChanged(listener: () => void): () => void;
}

export type InvokeOperation = Exclude<keyof GuideDeskApi, 'onLibraryChanged'>;
export type RequestOf<Op extends InvokeOperation> = Parameters<GuideDeskApi[Op]> extends [infer R] ? R : void;
export type ResponseOf<Op extends InvokeOperation> = Awaited<ReturnType<GuideDeskApi[Op]>>;

/** Channel names. The only place they are spelled. */
export const invokeChannels: { readonly [Op in InvokeOperation]: string } = {
  getLibrary: 'guidedesk:get-library',
  openGuide: 'guidedesk:open-guide',
  search: 'guidedesk:search',
  diffVersions: 'guidedesk:diff-versions',
  changesSince: 'guidedesk:changes-since',
  changeBriefing: 'guidedesk:change-briefing',
  changeTimeline: 'guidedesk:change-timeline',
  savePdf: 'guidedesk:save-pdf',
  openExternal: 'guidedesk:open-external',
};

export const eventChannels = {
  libraryChanged: 'guidedesk:library-changed',
} as const;

export const invokeOperations = Object.keys(invokeChannels) as InvokeOperation[];

/** Results cross the boundary as values, never as thrown errors (Electron flattens those). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };
export type IpcErrorCode = 'untrusted-sender' | 'invalid-payload' | 'not-found' | 'failed';

export class PayloadError extends Error {}

const MAX_TEXT = 4096;

function record(payload: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new PayloadError('payload must be an object');
  }
  for (const key of Object.keys(payload)) {
    if (!allowed.includes(key)) throw new PayloadError(`unexpected field "${key}"`);
  }
  return payload as Record<string, unknown>;
}

function text(value: unknown, field: string, { optional = false, max = MAX_TEXT } = {}): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string') throw new PayloadError(`"${field}" must be a string`);
  if (value.length > max) throw new PayloadError(`"${field}" is longer than ${max} characters`);
  return value;
}

function isoDate(value: unknown, field: string, optional: boolean): IsoDate | undefined {
  const raw = text(value, field, { optional, max: 10 });
  if (raw === undefined) return undefined;
  if (!isIsoDate(raw)) {
    throw new PayloadError(`"${field}" must be a real calendar date YYYY-MM-DD`);
  }
  return raw;
}

/** Payload validators, run by the main process before any handler. They throw PayloadError. */
export const validateRequest: { readonly [Op in InvokeOperation]: (payload: unknown) => RequestOf<Op> } = {
  getLibrary: (payload) => {
    if (payload !== undefined && payload !== null) record(payload, []);
    return undefined as RequestOf<'getLibrary'>;
  },
  openGuide: (payload) => {
    const p = record(payload, ['ref', 'asOf']);
    const ref = text(p.ref, 'ref', { max: 1024 })!;
    if (ref.trim() === '') throw new PayloadError('"ref" must not be empty');
    return { ref, asOf: isoDate(p.asOf, 'asOf', true) };
  },
  search: (payload) => {
    const p = record(payload, ['query', 'limit', 'archived', 'asOf', 'category']);
    const query = text(p.query, 'query', { max: 500 })!;
    let limit: number | undefined;
    if (p.limit !== undefined) {
      if (typeof p.limit !== 'number' || !Number.isInteger(p.limit) || p.limit < 1 || p.limit > 200) {
        throw new PayloadError('"limit" must be a whole number from 1 to 200');
      }
      limit = p.limit;
    }
    let archived: ArchivedFilter | undefined;
    if (p.archived !== undefined) {
      if (p.archived !== 'exclude' && p.archived !== 'include' && p.archived !== 'only') {
        throw new PayloadError('"archived" must be exclude, include or only');
      }
      archived = p.archived;
    }
    return {
      query,
      limit,
      archived,
      asOf: isoDate(p.asOf, 'asOf', true),
      category: text(p.category, 'category', { optional: true, max: 200 }),
    };
  },
  diffVersions: (payload) => {
    const p = record(payload, ['from', 'to']);
    return { from: text(p.from, 'from', { max: 1024 })!, to: text(p.to, 'to', { max: 1024 })! };
  },
  changesSince: (payload) => {
    const p = record(payload, ['since']);
    return { since: isoDate(p.since, 'since', false)! };
  },
  changeBriefing: (payload) => {
    const p = record(payload, ['since', 'until']);
    const since = isoDate(p.since, 'since', false)!;
    const until = isoDate(p.until, 'until', true);
    if (until !== undefined && until < since) throw new PayloadError('"until" must not be before "since"');
    return until === undefined ? { since } : { since, until };
  },
  changeTimeline: (payload) => {
    const p = record(payload, ['unit']);
    if (p.unit !== 'week' && p.unit !== 'month') throw new PayloadError('"unit" must be week or month');
    return { unit: p.unit };
  },
  savePdf: (payload) => {
    const p = record(payload, ['document', 'title']);
    if (p.document !== 'briefing' && p.document !== 'guide' && p.document !== 'diff') {
      throw new PayloadError('"document" must be briefing, guide or diff');
    }
    const title = text(p.title, 'title', { max: 200 })!;
    if (title.trim() === '') throw new PayloadError('"title" must not be empty');
    return { document: p.document, title };
  },
  openExternal: (payload) => {
    const p = record(payload, ['url']);
    return { url: text(p.url, 'url', { max: 2048 })! };
  },
};
