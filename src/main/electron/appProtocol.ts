/**
 * The `app://guidedesk` origin the built renderer is served from (rules in
 * ../security/appProtocol.ts). `registerAppScheme()` must run before the app is ready;
 * `AppProtocol` serves the renderer folder from `start()` until `dispose()`.
 */
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, resolveAppRequest } from '../security/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import type { Service } from '../services/lifecycle';

/**
 * Makes `app:` a standard, secure scheme (a real origin, a secure context for the clipboard, module
 * scripts). Electron honours one such call per run: every privileged scheme belongs in it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Answers one `app://` request from `rendererDir`: a file inside it, or a bare refusal. */
export async function answerAppRequest(request: Request, rendererDir: string, log: (m: string) => void) {
  if (request.method !== 'GET') return new Response(null, { status: 405 });
  const target = resolveAppRequest(request.url, rendererDir);
  if ('status' in target) {
    log(`refused ${request.url}: ${target.reason}`);
    return new Response(null, { status: target.status });
  }
  let body: Buffer;
  try {
    // The path checks hold for the real file too: a link inside the folder to elsewhere is refused.
    const [realDir, realFile] = await Promise.all([realpath(rendererDir), realpath(target.file)]);
    if (!realFile.startsWith(realDir + sep)) {
      log(`refused ${request.url}: the file is a link out of the renderer`);
      return new Response(null, { status: 403 });
    }
    body = await readFile(realFile);
  } catch {
    return new Response(null, { status: 404 });
  }
  const headers: Record<string, string> = {
    'content-type': target.contentType,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
  if (target.contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** Serving the built renderer as a service. */
export class AppProtocol implements Service {
  readonly name = 'app protocol';
  private serving = false;

  constructor(
    private readonly rendererDir: string,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    if (this.serving) return;
    protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, this.rendererDir, this.log));
    this.serving = true;
  }

  dispose(): void {
    if (this.serving) protocol.unhandle(APP_SCHEME);
    this.serving = false;
  }
}
