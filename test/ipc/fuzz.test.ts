/**
 * Issue 11, item 18: the IPC boundary fuzzed over every operation (fast-check), with trusted and
 * untrusted senders and hostile payloads: traversal refs, NUL, absolute and UNC paths, impossible
 * dates, wrong types, extra fields, prototype keys. The real handlers run over a real library; each
 * is wrapped only to count its calls. Properties:
 * - an untrusted sender or a bad payload never reaches a handler;
 * - an impossible date is refused at the boundary, every date field, every operation;
 * - a call that does reach a handler answers (ok or not-found), never fails;
 * - no file is touched while the fuzz runs (handlers answer from the loaded library);
 * - nothing opens outside without a click main saw, nor to a scheme other than http(s).
 */
import fs, { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuideDeskHandlers } from '../../src/main/app/guideDeskHandlers';
import { startGuideDeskServices, type GuideDeskServices } from '../../src/main/app/guideDeskServices';
import { createIpcRouter, type GuideDeskHandlers, type IpcRouter, type SenderFrame } from '../../src/main/ipc/router';
import { APP_ENTRY_URL } from '../../src/main/security/appProtocol';
import { trustedUrlMatcher } from '../../src/main/security/origin';
import { readContentFile } from '../../src/main/services/contentFiles';
import { invokeOperations, type InvokeOperation } from '../../src/shared/ipc';

const FIXTURES = join(__dirname, '../fixtures/guides');
const TRUSTED: SenderFrame = { url: APP_ENTRY_URL, isMainFrame: true, contentsId: 1 };

/** File-system calls made while `watching` is on: proof that no handler touched a file. */
const touched: string[] = [];
let watching = false;
const FS_CALLS = [
  'open',
  'readFile',
  'readdir',
  'stat',
  'lstat',
  'realpath',
  'writeFile',
  'rename',
  'unlink',
  'rm',
  'mkdir',
  'access',
  'opendir',
] as const;

function watchFileSystem(): () => void {
  const restores: (() => void)[] = [];
  const wrap = (target: Record<string, unknown>, name: string) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (watching) touched.push(`${name} ${String(args[0])}`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    restores.push(() => (target[name] = original));
  };
  for (const name of FS_CALLS) {
    wrap(fs.promises as unknown as Record<string, unknown>, name);
    wrap(fs as unknown as Record<string, unknown>, `${name}Sync`);
    wrap(fs as unknown as Record<string, unknown>, name);
  }
  syncBuiltinESMExports();
  return () => {
    for (const restore of restores) restore();
    syncBuiltinESMExports();
  };
}

const HOSTILE_REFS = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '\\\\evil.example\\share\\x.md',
  'file:///etc/passwd',
  'a\u0000b.md',
  '\u0000',
  '%2e%2e/%2e%2e/etc/passwd',
  './././../x.md',
  '택시 요금 환불 문의.md/../../../etc/passwd',
  '__proto__',
  'constructor',
];
const IMPOSSIBLE_DATES = [
  '2024-02-31',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-04-31',
  '0000-00-00',
  '2024-2-3',
];
const VALID_DATES = ['2024-02-29', '2024-12-05', '2025-03-01', '1999-12-31'];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_REFS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('이중결제', 'ㅇㅈㄱㅈ', 'dlwndrufwp', '', ' ', 'x'.repeat(600)),
);
const anyDate = fc.oneof(fc.constantFrom(...IMPOSSIBLE_DATES, ...VALID_DATES), fc.string({ maxLength: 12 }));
const junk = fc.oneof(fc.anything(), fc.constant(null), fc.constant(undefined), fc.integer(), fc.array(fc.string()));

/** A payload shaped for `op` (most of the time) with hostile values, sometimes anything at all. */
function payloadFor(op: InvokeOperation): fc.Arbitrary<unknown> {
  const shaped: Record<InvokeOperation, fc.Arbitrary<unknown>> = {
    getLibrary: fc.oneof(fc.constant(undefined), fc.record({}, { requiredKeys: [] })),
    openGuide: fc.record({ ref: hostileText, asOf: anyDate }, { requiredKeys: ['ref'] }),
    search: fc.record(
      {
        query: hostileText,
        limit: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double()),
        archived: fc.constantFrom('exclude', 'include', 'only', 'all', ''),
        asOf: anyDate,
        category: hostileText,
      },
      { requiredKeys: ['query'] },
    ),
    diffVersions: fc.record({ from: hostileText, to: hostileText }),
    changesSince: fc.record({ since: anyDate }),
    changeBriefing: fc.record({ since: anyDate, until: anyDate }, { requiredKeys: ['since'] }),
    changeTimeline: fc.record({ unit: fc.oneof(fc.constantFrom('week', 'month', 'day', ''), hostileText) }),
    savePdf: fc.record({
      document: fc.oneof(fc.constantFrom('briefing', 'guide', 'diff', 'page', ''), hostileText),
      title: hostileText,
    }),
    openExternal: fc.record({
      url: fc.oneof(
        hostileText,
        fc.webUrl(),
        fc.constantFrom(
          'javascript:alert(1)',
          'file:///etc/passwd',
          'smb://h/s',
          'http://localhost/',
          'https://a.example/',
        ),
      ),
    }),
  };
  return fc.oneof({ weight: 4, arbitrary: shaped[op] }, { weight: 1, arbitrary: junk });
}

const call = fc
  .constantFrom(...invokeOperations)
  .chain((op) => fc.record({ op: fc.constant(op), payload: payloadFor(op) }));

const untrustedSender = fc.oneof(
  fc.record({
    url: fc.constantFrom(
      'https://evil.example/index.html',
      'file:///opt/guidedesk/out/renderer/index.html',
      'file://evil.example/opt/guidedesk/out/renderer/index.html',
      'app://evil/index.html',
      'app://guidedesk/other.html',
      'app://user@guidedesk/index.html',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ),
    isMainFrame: fc.boolean(),
  }),
  fc.constant({ url: APP_ENTRY_URL, isMainFrame: false }),
  fc.constant({ url: null, isMainFrame: true }),
);

describe('IPC fuzz over every operation', () => {
  let root: string;
  let services: GuideDeskServices;
  let router: IpcRouter;
  let restoreFs: () => void;
  const reached: string[] = [];
  const opened: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'guidedesk-fuzz-'));
    cpSync(FIXTURES, root, { recursive: true });
    services = await startGuideDeskServices({
      contentRoot: root,
      isTrustedUrl: trustedUrlMatcher(APP_ENTRY_URL),
      openExternal: async (url) => void opened.push(url),
    });
    await services.indexed;
    // The real handlers over the real services, each call counted.
    const real = createGuideDeskHandlers({
      library: services.library,
      search: services.search,
      openExternal: async (url) => void opened.push(url),
      userGestures: services.userGestures,
    });
    const counted = Object.fromEntries(
      invokeOperations.map((op) => [
        op,
        (request: unknown, sender: SenderFrame) => {
          reached.push(op);
          return (real[op] as (r: unknown, s: SenderFrame) => Promise<unknown>)(request, sender);
        },
      ]),
    ) as unknown as GuideDeskHandlers;
    router = createIpcRouter(counted, trustedUrlMatcher(APP_ENTRY_URL));
    restoreFs = watchFileSystem();
  });

  afterAll(async () => {
    restoreFs?.();
    await services?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('the file-system recorder is live (a read while watching is seen)', async () => {
    watching = true;
    await readContentFile(root, '택시 요금 환불 문의.md');
    watching = false;
    expect(touched.length).toBeGreaterThan(0);
    touched.length = 0;
  });

  it('an untrusted sender never reaches a handler, whatever it sends', async () => {
    watching = true;
    await fc.assert(
      fc.asyncProperty(untrustedSender, call, async (sender, { op, payload }) => {
        const before = reached.length;
        const result = await router.dispatch(op, sender, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
        expect(reached.length).toBe(before);
      }),
      { numRuns: 600 },
    );
    watching = false;
    expect(touched).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('from the window: bad payloads stop at the boundary; what passes answers, never fails; no file touched', async () => {
    watching = true;
    await fc.assert(
      fc.asyncProperty(call, async ({ op, payload }) => {
        const before = reached.length;
        const result = await router.dispatch(op, TRUSTED, payload);
        if (!result.ok && result.error.code === 'invalid-payload') {
          expect(reached.length).toBe(before);
          return;
        }
        expect(reached.length).toBe(before + 1);
        expect(result.ok || result.error.code === 'not-found', JSON.stringify(result)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    watching = false;
    expect(touched).toEqual([]);
    // No click was seen by main during the fuzz: nothing opened.
    expect(opened).toEqual([]);
  });

  it('refuses an impossible date in every date field before any handler runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPOSSIBLE_DATES),
        fc.constantFrom(
          (d: string) => ['openGuide', { ref: '택시 요금 환불 문의.md', asOf: d }] as const,
          (d: string) => ['search', { query: '환불', asOf: d }] as const,
          (d: string) => ['changesSince', { since: d }] as const,
        ),
        async (date, build) => {
          const [op, payload] = build(date);
          const before = reached.length;
          expect(await router.dispatch(op, TRUSTED, payload)).toMatchObject({
            ok: false,
            error: { code: 'invalid-payload' },
          });
          expect(reached.length).toBe(before);
        },
      ),
    );
  });

  it('traversal, NUL, absolute and UNC refs find no guide and read nothing', async () => {
    watching = true;
    for (const ref of HOSTILE_REFS) {
      for (const op of ['openGuide', 'diffVersions'] as const) {
        const payload = op === 'openGuide' ? { ref } : { from: ref, to: ref };
        const result = await router.dispatch(op, TRUSTED, payload);
        expect(result, `${op} ${JSON.stringify(ref)}`).toMatchObject({ ok: false });
        if (!result.ok) expect(['not-found', 'invalid-payload']).toContain(result.error.code);
      }
    }
    watching = false;
    expect(touched).toEqual([]);
  });

  it('opens only http(s) away from this computer, and only right after a click main saw', async () => {
    await fc.assert(
      fc.asyncProperty(payloadFor('openExternal'), fc.boolean(), async (payload, clicked) => {
        const before = opened.length;
        if (clicked) services.userGestures.noteInput(1, { type: 'mouseDown', button: 'left' });
        const result = await router.dispatch('openExternal', TRUSTED, payload);
        services.userGestures.consume(1);
        if (opened.length === before) return;
        expect(clicked).toBe(true);
        expect(result).toEqual({ ok: true, value: { opened: true } });
        const url = new URL(opened.at(-1)!);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        expect(url.hostname).not.toMatch(/^(?:localhost|127\.|\[::1\]$)/);
      }),
      { numRuns: 500 },
    );
    expect(opened.length).toBeGreaterThan(0);
  });
});
