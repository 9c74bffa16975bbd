/**
 * The layering lint (`guidedesk/layers` in eslint.config.mjs) run through ESLint's Node API on
 * code at virtual paths: each rule of the architecture must refuse a deliberate violation, and
 * must let the imports the architecture allows through.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = join(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: REPO });
});

/** The layer messages ESLint gives `code` placed at `path` (repository-relative; the file need not exist). */
async function layerMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, path) });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.filter((m) => m.ruleId === 'guidedesk/layers').map((m) => m.message);
}

describe('layers: a deliberate violation of each rule is reported', () => {
  it.each([
    ['src/shared/probe.ts', "import type { SearchResponse } from '../main/core/search';", 'src/main/core/'],
    ['src/shared/probe.ts', "import { run } from '../cli/main';", 'src/cli/'],
    ['src/shared/nested/probe.ts', "export * from '../../renderer/src/api';", 'src/renderer/'],
    ['src/shared/probe.ts', "import { readFile } from 'node:fs/promises';", 'no Node modules'],
    ['src/shared/probe.ts', "import { ipcRenderer } from 'electron';", 'no Electron'],
  ])('src/shared imports only src/shared: %s with %s', async (path, code, expected) => {
    const messages = await layerMessages(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each([
    ["import { SearchIndex } from '../../../main/core/search';", 'src/main/core/'],
    ["import { api } from '../../../preload/index';", 'src/preload/'],
    ["const router = await import('../../../main/ipc/router');", 'src/main/ipc/'],
    ["import { ipcRenderer } from 'electron';", 'window.guidedesk'],
    ["import { join } from 'path';", 'has no Node'],
  ])('src/renderer imports only src/shared and itself: %s', async (code, expected) => {
    const messages = await layerMessages('src/renderer/src/hooks/probe.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each([
    ["import { ContentLibrary } from '../../services/contentLibrary';", 'src/main/services/'],
    ["import { startGuideDeskServices } from '../../app/guideDeskServices';", 'src/main/app/'],
    ["import { createSecureWindow } from '../../electron/secureWindow';", 'src/main/electron/'],
    ["import type { IpcRouter } from '../../ipc/router';", 'src/main/ipc/'],
    ["import { app } from 'electron';", 'no Electron'],
    ["import { readFileSync } from 'node:fs';", 'no I/O'],
    ["const fs = require('fs');", 'no I/O'],
  ])('src/main/core imports nothing from services, app, electron or ipc: %s', async (code, expected) => {
    const messages = await layerMessages('src/main/core/versions/probe.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each(['services/probe.ts', 'app/probe.ts', 'ipc/probe.ts', 'security/probe.ts'])(
    'src/main/%s never imports electron, in any spelling',
    async (file) => {
      const code = [
        "import { app } from 'electron';",
        "import type { WebContents } from 'electron/main';",
        "export { shell } from 'electron';",
        "const { ipcMain } = require('electron');",
        "export const later = () => import('electron');",
      ].join('\n');
      const messages = await layerMessages(`src/main/${file}`, code);
      expect(messages).toHaveLength(5);
      for (const message of messages) expect(message).toContain('only src/main/electron/ and the composition root');
    },
  );

  it('services do not reach up into the app or the Electron rooms', async () => {
    const messages = await layerMessages(
      'src/main/services/probe.ts',
      "import { GuideDeskServices } from '../app/guideDeskServices';\nimport { WindowService } from '../electron/windowService';",
    );
    expect(messages).toHaveLength(2);
  });
});

describe('layers: what the architecture allows passes', () => {
  it.each([
    [
      'src/main/electron/probe.ts',
      "import { app } from 'electron';\nimport { ServiceHost } from '../services/lifecycle';",
    ],
    [
      'src/main/index.ts',
      "import { app } from 'electron';\nimport { GuideDeskServices } from './app/guideDeskServices';",
    ],
    [
      'src/preload/probe.ts',
      "import { contextBridge } from 'electron';\nimport { invokeChannels } from '../shared/ipc';",
    ],
    [
      'src/main/core/versions/probe.ts',
      "import { isIsoDate } from '../../../shared/dates';\nimport { diff } from './diff';",
    ],
    [
      'src/renderer/src/hooks/probe.ts',
      "import { useState } from 'react';\nimport type { GuideView } from '../../../shared/ipc';",
    ],
    [
      'src/main/services/probe.ts',
      "import { readFile } from 'node:fs/promises';\nimport { SearchIndex } from '../core/search';",
    ],
    [
      'src/main/app/probe.ts',
      "import { ContentLibrary } from '../services/contentLibrary';\nimport { NotFoundError } from '../ipc/router';",
    ],
    [
      'src/cli/commands/probe.ts',
      "import { resolveVersion } from '../../main/app/guideDeskHandlers';\nimport { check } from './check';",
    ],
    ['src/shared/probe.ts', "import type { IsoDate } from './guide';"],
  ])('%s', async (path, code) => {
    expect(await layerMessages(path, code)).toEqual([]);
  });
});
