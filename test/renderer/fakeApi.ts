/**
 * A fake `window.guidedesk` for renderer hook tests: every call is recorded and stays pending
 * until the test answers it, so tests decide the order answers arrive in.
 */
import type {
  BriefingRequest,
  ChangeBriefing,
  ChangeDigestEntry,
  ChangeTimeline,
  ChangesRequest,
  DiffRequest,
  DiffView,
  GuideDeskApi,
  GuideView,
  LibrarySnapshot,
  OpenExternalRequest,
  OpenExternalResponse,
  OpenGuideRequest,
  SavePdfRequest,
  SavePdfResponse,
  SearchRequest,
  SearchResponse,
  TimelineRequest,
} from '../../src/shared/ipc';

export interface PendingCall<Req, Res> {
  request: Req;
  resolve(value: Res): void;
  reject(error: Error): void;
}

export interface FakeApi {
  api: GuideDeskApi;
  calls: {
    getLibrary: PendingCall<void, LibrarySnapshot>[];
    openGuide: PendingCall<OpenGuideRequest, GuideView>[];
    search: PendingCall<SearchRequest, SearchResponse>[];
    diffVersions: PendingCall<DiffRequest, DiffView>[];
    changesSince: PendingCall<ChangesRequest, ChangeDigestEntry[]>[];
    changeBriefing: PendingCall<BriefingRequest, ChangeBriefing>[];
    changeTimeline: PendingCall<TimelineRequest, ChangeTimeline>[];
    savePdf: PendingCall<SavePdfRequest, SavePdfResponse>[];
    openExternal: PendingCall<OpenExternalRequest, OpenExternalResponse>[];
  };
  /** Listeners currently subscribed to onLibraryChanged. */
  listenerCount(): number;
  /** How many times onLibraryChanged was called. */
  subscriptions(): number;
  /** As main does after re-reading the content folder. */
  emitLibraryChanged(): void;
}

function recorder<Req, Res>(list: PendingCall<Req, Res>[]) {
  return (request: Req) =>
    new Promise<Res>((resolve, reject) => {
      list.push({ request, resolve, reject });
    });
}

export function createFakeApi(): FakeApi {
  const calls: FakeApi['calls'] = {
    getLibrary: [],
    openGuide: [],
    search: [],
    diffVersions: [],
    changesSince: [],
    changeBriefing: [],
    changeTimeline: [],
    savePdf: [],
    openExternal: [],
  };
  const listeners = new Set<() => void>();
  let subscriptions = 0;
  const api: GuideDeskApi = {
    getLibrary: () => recorder(calls.getLibrary)(undefined),
    openGuide: recorder(calls.openGuide),
    search: recorder(calls.search),
    diffVersions: recorder(calls.diffVersions),
    changesSince: recorder(calls.changesSince),
    changeBriefing: recorder(calls.changeBriefing),
    changeTimeline: recorder(calls.changeTimeline),
    savePdf: recorder(calls.savePdf),
    openExternal: recorder(calls.openExternal),
    onLibraryChanged(listener) {
      subscriptions += 1;
      // A fresh function per subscription, as the preload does: unsubscribing one leaves others.
      const entry = () => listener();
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
  };
  return {
    api,
    calls,
    listenerCount: () => listeners.size,
    subscriptions: () => subscriptions,
    emitLibraryChanged: () => [...listeners].forEach((listener) => listener()),
  };
}
