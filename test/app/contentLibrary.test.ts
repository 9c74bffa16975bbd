import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/main/services/contentLibrary';

const REPO = join(__dirname, '../..');

describe('content library fingerprint (the search cache key)', () => {
  const root = mkdtempSync(join(tmpdir(), 'guidedesk-fp-'));
  cpSync(join(REPO, 'content'), root, { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stays equal for unchanged bytes and changes with any added, edited or renamed file', async () => {
    const library = new ContentLibrary(root);
    const base = (await library.load()).snapshot.fingerprint;
    utimesSync(join(root, '영수증 재발행.md'), new Date(), new Date(2030, 0, 1));
    const touched = await library.load();
    expect(touched.snapshot.fingerprint).toBe(base);
    expect(touched.changedPaths).toEqual([]);

    writeFileSync(join(root, '새 가이드.md'), '---\ntitle: 새 가이드\n---\n\n:::script ① 안내\n안내드립니다.\n:::\n');
    const added = await library.load();
    expect(added.snapshot.fingerprint).not.toBe(base);
    expect(added.changedPaths).toEqual(['새 가이드.md']);

    rmSync(join(root, '새 가이드.md'));
    const removed = await library.load();
    expect(removed.snapshot.fingerprint).toBe(base);
    expect(removed.removedPaths).toEqual(['새 가이드.md']);
    expect(removed.previousIds.get('새 가이드.md')).toBe('새가이드');
  });
});
