/**
 * Issue 11, item 15, through the real IPC boundary and handlers over a real library: a link opens
 * outside only right after a real input event main saw in the same window (not a flag the page
 * sends), once per gesture, and never when a guide shows it under a misleading text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGuideDeskServices, type GuideDeskServices } from '../../src/main/app/guideDeskServices';
import { UserGestureGate } from '../../src/main/security/userGesture';

const GUIDE = `# 링크 안내

**1. 상담 유형 : 기타_고객 ▶ 링크**

**① 안내**
[도움말](https://help.example.com/a) [https://help.example.com](https://evil.example/shown)
`;

describe('openExternal decides a click in main', () => {
  let root: string;
  let services: GuideDeskServices;
  let clock = 0;
  const opened: string[] = [];
  const gestures = new UserGestureGate(() => clock);
  const window1 = { url: 'app://guidedesk/index.html', isMainFrame: true, contentsId: 1 };
  const open = (url: string, sender = window1, extra: object = {}) =>
    services.router.dispatch('openExternal', sender, { url, ...extra });
  const click = (contentsId: number) => gestures.noteInput(contentsId, { type: 'mouseDown', button: 'left' });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'guidedesk-open-'));
    writeFileSync(join(root, '링크 안내.md'), GUIDE);
    services = await startGuideDeskServices({
      contentRoot: root,
      isTrustedUrl: (url) => url === 'app://guidedesk/index.html',
      openExternal: async (url) => void opened.push(url),
      userGestures: gestures,
    });
  });

  afterAll(async () => {
    await services.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses without a real input event, and refuses the page claiming one', async () => {
    expect(await open('https://help.example.com/a')).toEqual({
      ok: true,
      value: { opened: false, reason: 'links open only from a click' },
    });
    expect(await open('https://help.example.com/a', window1, { userActivated: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(opened).toEqual([]);
  });

  it('opens once per click, in the window that was clicked, while the click is fresh', async () => {
    click(2);
    expect((await open('https://help.example.com/a')).ok && opened).toEqual([]);
    click(1);
    expect(await open('https://help.example.com/a')).toEqual({ ok: true, value: { opened: true } });
    expect(await open('https://help.example.com/a')).toMatchObject({ value: { opened: false } });
    click(1);
    clock += 6000;
    expect(await open('https://help.example.com/a')).toMatchObject({ value: { opened: false } });
    expect(opened).toEqual(['https://help.example.com/a']);
  });

  it('never opens an address a guide shows under another address, and keeps the click for a good link', async () => {
    click(1);
    const refused = await open('https://evil.example/shown');
    expect(refused).toMatchObject({ ok: true, value: { opened: false } });
    expect((refused as { value: { reason: string } }).value.reason).toContain('its text shows help.example.com');
    expect(await open('https://help.example.com/a')).toEqual({ ok: true, value: { opened: true } });
  });

  it('refuses this computer and user:pass@ even right after a click', async () => {
    for (const url of ['http://localhost:3000/', 'http://127.0.0.1/', 'https://user:pass@help.example.com/']) {
      click(1);
      expect(await open(url)).toMatchObject({ ok: true, value: { opened: false } });
    }
    expect(opened).toEqual(['https://help.example.com/a', 'https://help.example.com/a']);
  });
});
