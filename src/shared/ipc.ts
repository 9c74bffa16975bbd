/**
 * The one IPC contract between the renderer and the main process.
 *
 * Every channel name lives here and nowhere else. Each operation has a request type, a response
 * type and a payload validator that the main process runs at the boundary before any handler sees
 * the payload. The preload exposes exactly one function per operation, named as in `GuideDeskApi`.
 */
import { isIsoDate } from './dates';
import type { ChangeDigestEntry, FileReport, GuideDiff, GuideHistory, GuideVersion, IsoDate, Problem } from './guide';
import type { ArchivedFilter, SearchResponse } from './search';

export type { ArchivedFilter, SearchResponse, ChangeDigestEntry };

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
  openExternal: (payload) => {
    const p = record(payload, ['url']);
    return { url: text(p.url, 'url', { max: 2048 })! };
  },
};
