/**
 * The renderer under test: the BUILT renderer served on 127.0.0.1 in Chromium, with the preload's
 * `window.guidedesk` installed in the page and every call answered by the real main-process
 * services (content library, search index, IPC router with sender and payload checks) running
 * in this test process. Nothing in the core is mocked.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { invokeOperations } from '../../src/shared/ipc';
import { startGuideDeskServices, type GuideDeskServices } from '../../src/main/app/guideDeskServices';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from './chromium';
import { serveDirectory } from './staticServer';

export const REPO_ROOT = resolve(__dirname, '../..');
export const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/screenshots');

export interface RendererApp {
  page: Page;
  context: BrowserContext;
  services: GuideDeskServices;
  /** URLs the app asked to open outside (instead of really opening them). */
  openedExternally: string[];
  /** Requests the page tried to make outside the local server (all refused). */
  blockedRequests: string[];
  url: string;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  contentRoot?: string;
  today?: string;
}

let sharedBrowser: Browser | null = null;

async function browser(): Promise<Browser> {
  if (sharedBrowser?.isConnected()) return sharedBrowser;
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  sharedBrowser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return sharedBrowser;
}

export async function closeBrowser(): Promise<void> {
  await sharedBrowser?.close();
  sharedBrowser = null;
}

/** Installs the same API surface the preload exposes, answered through `__guidedeskInvoke`. */
function installPreloadApi({ operations }: { operations: string[] }) {
  type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
  const host = window as unknown as {
    __guidedeskInvoke: (op: string, request: unknown) => Promise<Result>;
    __guidedeskLibraryChanged?: () => void;
  };
  const invoke = async (op: string, request?: unknown) => {
    const result = await host.__guidedeskInvoke(op, request);
    if (result.ok) return result.value;
    throw new Error(`${result.error.code}: ${result.error.message}`);
  };
  const api: Record<string, unknown> = {};
  for (const op of operations) api[op] = (request?: unknown) => invoke(op, request);
  const listeners = new Set<() => void>();
  api.onLibraryChanged = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  host.__guidedeskLibraryChanged = () => listeners.forEach((listener) => listener());
  Object.defineProperty(window, 'guidedesk', { value: Object.freeze(api), enumerable: true });
}

export async function launchRendererApp(options: LaunchOptions = {}): Promise<RendererApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm test does).');
  }
  const server = await serveDirectory(RENDERER_DIR);
  const openedExternally: string[] = [];
  const blockedRequests: string[] = [];
  const services = await startGuideDeskServices({
    contentRoot: options.contentRoot ?? join(REPO_ROOT, 'content'),
    isTrustedUrl: (url) => new URL(url).origin === new URL(server.url).origin,
    openExternal: async (url) => {
      openedExternally.push(url);
    },
    today: options.today ? () => options.today! : undefined,
  });
  await services.indexed;

  const context = await (
    await browser()
  ).newContext({
    locale: 'ko-KR',
    viewport: { width: 1280, height: 860 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  // As in the app, the page may reach nothing but its own files.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await context.exposeBinding('__guidedeskInvoke', async (source, op: string, request: unknown) =>
    services.router.dispatch(
      op,
      { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
      request,
    ),
  );
  await context.addInitScript(installPreloadApi, { operations: invokeOperations });
  services.onLibraryChanged(() => {
    for (const page of context.pages())
      void page.evaluate(() =>
        (window as unknown as { __guidedeskLibraryChanged?: () => void }).__guidedeskLibraryChanged?.(),
      );
  });

  const page = await context.newPage();
  await page.goto(server.url);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    page,
    context,
    services,
    openedExternally,
    blockedRequests,
    url: server.url,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      await services.dispose();
      await server.close();
    },
  };
}
