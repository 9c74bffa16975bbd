import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGuideDeskServices, type GuideDeskServices } from '../../src/main/app/guideDeskServices';

const REPO = join(__dirname, '../..');

describe('services follow the content folder', () => {
  let root: string;
  let services: GuideDeskServices;
  const changed = () =>
    new Promise<void>((resolve) => {
      const unsubscribe = services.onLibraryChanged(() => {
        unsubscribe();
        resolve();
      });
    });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'guidedesk-live-'));
    cpSync(join(REPO, 'content'), root, { recursive: true });
    services = await startGuideDeskServices({
      contentRoot: root,
      isTrustedUrl: () => true,
      openExternal: async () => {},
      watch: true,
    });
    await services.indexed;
  });

  afterAll(async () => {
    await services.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes a new guide, an edited one and forgets a removed one, per file, without a rebuild', async () => {
    expect(services.search.search('전동킥보드 견인').results.map((r) => r.title)).not.toContain('전동킥보드 견인 문의');
    const sizeBefore = services.search.status().size;
    const fullLoads = vi.spyOn(services.search, 'load');

    let next = changed();
    writeFileSync(
      join(root, '전동킥보드 견인 문의.md'),
      '---\ntitle: 전동킥보드 견인 문의\ncategory: 바이크_고객 ▶ 견인 ▶ 문의\n---\n\n:::script ① 안내\n견인된 전동킥보드는 보관소에서 찾으실 수 있어요.\n:::\n',
    );
    await next;
    expect(services.search.search('전동킥보드 견인').results[0]?.title).toBe('전동킥보드 견인 문의');
    expect(services.search.status()).toMatchObject({ state: 'ready', size: sizeBefore + 1 });

    next = changed();
    writeFileSync(
      join(root, '전동킥보드 견인 문의.md'),
      '---\ntitle: 전동킥보드 견인 문의\ncategory: 바이크_고객 ▶ 견인 ▶ 문의\n---\n\n:::script ① 안내\n견인 보관료는 하루 OO원입니다.\n:::\n',
    );
    await next;
    expect(services.search.search('보관료').results[0]?.title).toBe('전동킥보드 견인 문의');
    expect(services.search.search('보관소에서 찾으실').results.map((r) => r.title)).not.toContain(
      '전동킥보드 견인 문의',
    );

    next = changed();
    unlinkSync(join(root, '전동킥보드 견인 문의.md'));
    await next;
    expect(services.search.search('보관료').results.map((r) => r.title)).not.toContain('전동킥보드 견인 문의');
    expect(services.search.status().size).toBe(sizeBefore);
    expect(services.library.snapshot.files.map((f) => f.path)).not.toContain('전동킥보드 견인 문의.md');
    expect(fullLoads).not.toHaveBeenCalled();
  });
});
