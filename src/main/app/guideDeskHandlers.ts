/**
 * The main-process handlers behind every IPC operation, written against services only (no
 * Electron), so the Electron app, the renderer end-to-end bridge and unit tests run the same code.
 */
import type { GuideHistory, GuideVersion, IsoDate } from '../../shared/guide';
import type { GuideListItem, LibrarySnapshot as LibraryView, SavePdfRequest, SavePdfResponse } from '../../shared/ipc';
import { renderGuideMarkdown } from '../core/render';
import { changesSince, changeTimeline, diffVersions, findHistory, versionInForce } from '../core/versions';
import { NotFoundError, type GuideDeskHandlers } from '../ipc/router';
import { ChangeBriefings } from './changeBriefings';
import { externalUrlRefusal } from '../security/policy';
import type { UserGestureGate } from '../security/userGesture';
import { localIsoDate, type ContentLibrary, type LibrarySnapshot } from '../services/contentLibrary';
import type { SearchService } from '../services/searchService';

/** Prints the window to a PDF and saves it (Electron's printToPDF and a save dialog in the app). */
export type PdfExporter = (request: SavePdfRequest) => Promise<SavePdfResponse>;

export interface HandlerDependencies {
  library: ContentLibrary;
  search: SearchService;
  /** Opens a URL outside the app (Electron's shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>;
  /** The PDF exporter bound now, or null where no window can print (`savePdf` says `unavailable`). */
  pdfExporter?: () => PdfExporter | null;
  /** The input events each window received, as main saw them: a link opens only right after one. */
  userGestures: UserGestureGate;
  today?: () => IsoDate;
}

/** The version a guide opens at by default: its current one, or the newest archived copy when retired. */
export function defaultVersionPath(history: GuideHistory): string {
  return history.currentPath ?? history.versions[history.versions.length - 1].path;
}

/** Resolves a guide id or a version path (and an optional as-of date) to one version. */
export function resolveVersion(snapshot: LibrarySnapshot, ref: string, asOf?: IsoDate): GuideVersion {
  // A path as written first (a `\` is part of a POSIX name: `a\b.md`), then with Windows separators.
  const written = ref.normalize('NFC').replace(/^(\.\/)+/, '');
  const slashed = written.replaceAll('\\', '/');
  const normalised = snapshot.byPath.has(written) ? written : slashed;
  const byPath = snapshot.byPath.get(normalised);
  if (byPath && !asOf) return byPath;
  const history = findHistory(snapshot.histories, normalised);
  if (!history) throw new NotFoundError(`no guide "${ref}"`);
  if (asOf) {
    const summary = versionInForce(history, asOf);
    if (!summary) throw new NotFoundError(`"${history.title}" had no version in force on ${asOf}`);
    return snapshot.byPath.get(summary.path)!;
  }
  return snapshot.byPath.get(defaultVersionPath(history))!;
}

export function listGuides(snapshot: LibrarySnapshot): GuideListItem[] {
  return snapshot.histories.map((history) => {
    const defaultPath = defaultVersionPath(history);
    const version = snapshot.byPath.get(defaultPath)!;
    return {
      id: history.id,
      title: history.title,
      category: version.category,
      defaultPath,
      retired: history.retired,
      versionCount: history.versions.length,
    };
  });
}

/** The texts the library's guides show for each web address they link to (per snapshot, built on first use). */
const shownTexts = new WeakMap<LibrarySnapshot, Map<string, string[]>>();

function textsShownFor(snapshot: LibrarySnapshot, url: string): string[] {
  let byHref = shownTexts.get(snapshot);
  if (!byHref) {
    byHref = new Map();
    for (const version of snapshot.versions)
      for (const link of version.links) {
        let href: string;
        try {
          href = new URL(link.href).href;
        } catch {
          continue;
        }
        byHref.set(href, [...(byHref.get(href) ?? []), link.text]);
      }
    shownTexts.set(snapshot, byHref);
  }
  return byHref.get(new URL(url).href) ?? [];
}

export function createGuideDeskHandlers(deps: HandlerDependencies): GuideDeskHandlers {
  const today = deps.today ?? (() => localIsoDate());
  const renderCache = new Map<GuideVersion, ReturnType<typeof renderGuideMarkdown>>();
  const rendered = (version: GuideVersion) => {
    let result = renderCache.get(version);
    if (!result) {
      if (renderCache.size > 200) renderCache.clear();
      result = renderGuideMarkdown(version.markdown);
      renderCache.set(version, result);
    }
    return result;
  };

  const briefings = new ChangeBriefings();

  return {
    async getLibrary(): Promise<LibraryView> {
      const snapshot = deps.library.snapshot;
      return {
        contentRoot: snapshot.root,
        guides: listGuides(snapshot),
        files: snapshot.files,
        today: today(),
        indexing: deps.search.status().partial,
        searchNotice: deps.search.status().notice ?? undefined,
      };
    },

    async openGuide({ ref, asOf }) {
      const snapshot = deps.library.snapshot;
      const version = resolveVersion(snapshot, ref, asOf);
      const { html, problems } = rendered(version);
      return {
        version,
        html,
        renderProblems: problems,
        history: snapshot.historyById.get(version.id)!,
        today: today(),
      };
    },

    async search(request) {
      return deps.search.search(request.query, {
        limit: request.limit,
        archived: request.archived,
        asOf: request.asOf,
        category: request.category,
      });
    },

    async diffVersions({ from, to }) {
      const snapshot = deps.library.snapshot;
      const before = resolveVersion(snapshot, from);
      const after = resolveVersion(snapshot, to);
      return { ...diffVersions(before, after), fromTitle: before.rawTitle, toTitle: after.rawTitle };
    },

    async changesSince({ since }) {
      const snapshot = deps.library.snapshot;
      return changesSince(snapshot.versions, snapshot.histories, since);
    },

    async changeBriefing({ since, until }) {
      return briefings.get(deps.library.snapshot, { since, until: until ?? null });
    },

    async changeTimeline({ unit }) {
      const snapshot = deps.library.snapshot;
      return changeTimeline(snapshot.versions, snapshot.histories, unit);
    },

    async savePdf(request) {
      const exporter = deps.pdfExporter?.() ?? null;
      if (!exporter) return { saved: false, reason: 'unavailable', message: 'no window here can print to PDF' };
      return exporter(request);
    },

    async openExternal({ url }, sender) {
      let shownAs: string[] = [];
      try {
        shownAs = textsShownFor(deps.library.snapshot, url);
      } catch {
        /* not a URL: the policy says so */
      }
      const refusal = externalUrlRefusal(url, {
        shownAs,
        userGesture: () => deps.userGestures.consume(sender.contentsId),
      });
      if (refusal) return { opened: false, reason: refusal };
      await deps.openExternal(new URL(url).href);
      return { opened: true };
    },
  };
}
