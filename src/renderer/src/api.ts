import type { GuideDeskApi } from '../../shared/ipc';

declare global {
  interface Window {
    guidedesk: GuideDeskApi;
  }
}

/** The preload's API. The renderer asks; it never parses or indexes. */
export const api: GuideDeskApi = window.guidedesk;
