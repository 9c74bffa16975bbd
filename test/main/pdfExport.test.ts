/** `PDF로 저장` in the app: dialog first, then Electron's printToPDF, then a crash-safe write. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfExporter, PDF_OPTIONS, pdfFileName, type PrintingWindow } from '../../src/main/electron/pdfExport';
import { writeFileAtomic } from '../../src/main/services/atomicFile';
import { startGuideDeskServices } from '../../src/main/app/guideDeskServices';

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 fake');

function fakeWindow(fail = false) {
  const printed: PrintToPDFOptions[] = [];
  const window: PrintingWindow & { destroyed: boolean } = {
    destroyed: false,
    isDestroyed: () => window.destroyed,
    webContents: {
      printToPDF: async (options: PrintToPDFOptions) => {
        printed.push(options);
        if (fail) throw new Error('printing failed');
        return Buffer.from(PDF_BYTES);
      },
    },
  };
  return { window, printed };
}

describe('pdfFileName', () => {
  it('names the document and its title, safe on Windows', () => {
    expect(pdfFileName({ document: 'briefing', title: '2024-12-01~2025-03-01' })).toBe(
      '변경 사항 브리핑 2024-12-01~2025-03-01.pdf',
    );
    expect(pdfFileName({ document: 'guide', title: '이중결제 취소요청(타사 주차권)' })).toBe(
      '가이드 이중결제 취소요청(타사 주차권).pdf',
    );
    expect(pdfFileName({ document: 'diff', title: 'a/b\\c:d*e?"f<g>h|i\u0007 j.' })).toBe(
      '버전 비교 a b c d e f g h i j.pdf',
    );
    expect(pdfFileName({ document: 'guide', title: '가'.repeat(300) }).length).toBeLessThanOrEqual(124);
    expect(pdfFileName({ document: 'guide', title: '택시'.normalize('NFD') })).toBe('가이드 택시.pdf');
  });
});

describe('createPdfExporter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guidedesk-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks where to save in Documents, prints A4 with the print stylesheet, writes the file', async () => {
    const { window, printed } = fakeWindow();
    const dialogs: SaveDialogOptions[] = [];
    const target = join(dir, '브리핑');
    const exporter = createPdfExporter({
      window: () => window,
      showSaveDialog: async (options) => {
        dialogs.push(options);
        return { canceled: false, filePath: target };
      },
      documentsDir: () => '/home/trainer/Documents',
      writeFile: writeFileAtomic,
    });
    const result = await exporter({ document: 'briefing', title: '2024-12-01~2025-03-01' });
    expect(result).toEqual({ saved: true, path: `${target}.pdf` });
    expect(readFileSync(`${target}.pdf`)).toEqual(Buffer.from(PDF_BYTES));
    expect(dialogs[0].defaultPath).toBe(join('/home/trainer/Documents', '변경 사항 브리핑 2024-12-01~2025-03-01.pdf'));
    expect(dialogs[0].filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(printed).toEqual([PDF_OPTIONS]);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
  });

  it('prints nothing when the trainer cancels the dialog', async () => {
    const { window, printed } = fakeWindow();
    const exporter = createPdfExporter({
      window: () => window,
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      documentsDir: () => dir,
      writeFile: async () => {
        throw new Error('must not write');
      },
    });
    expect(await exporter({ document: 'guide', title: 'x' })).toEqual({ saved: false, reason: 'canceled' });
    expect(printed).toEqual([]);
  });

  it('says so when no window is open, and when printing fails', async () => {
    const noWindow = createPdfExporter({
      window: () => null,
      showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'x.pdf') }),
      documentsDir: () => dir,
      writeFile: writeFileAtomic,
    });
    expect(await noWindow({ document: 'guide', title: 'x' })).toMatchObject({ saved: false, reason: 'unavailable' });

    const { window } = fakeWindow(true);
    const logged: string[] = [];
    const failing = createPdfExporter({
      window: () => window,
      showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'y.pdf') }),
      documentsDir: () => dir,
      writeFile: writeFileAtomic,
      log: (m) => logged.push(m),
    });
    expect(await failing({ document: 'diff', title: 'y' })).toEqual({
      saved: false,
      reason: 'failed',
      message: 'printing failed',
    });
    expect(logged.join('\n')).toContain('printing failed');
  });
});

describe('savePdf through the IPC boundary', () => {
  it('is unavailable until an exporter is bound, then answers through it; bad payloads are refused', async () => {
    const services = await startGuideDeskServices({
      contentRoot: join(__dirname, '../../content'),
      isTrustedUrl: (url) => url === 'app://window',
      openExternal: async () => {},
    });
    try {
      const sender = { url: 'app://window', isMainFrame: true };
      const request = { document: 'briefing', title: '전체' };
      expect(await services.router.dispatch('savePdf', sender, request)).toMatchObject({
        ok: true,
        value: { saved: false, reason: 'unavailable' },
      });
      const asked: unknown[] = [];
      services.setPdfExporter(async (r) => {
        asked.push(r);
        return { saved: true, path: '/tmp/x.pdf' };
      });
      expect(await services.router.dispatch('savePdf', sender, request)).toEqual({
        ok: true,
        value: { saved: true, path: '/tmp/x.pdf' },
      });
      expect(asked).toEqual([request]);
      for (const bad of [
        { document: 'window', title: 'x' },
        { document: 'guide', title: '' },
        { document: 'guide', title: 'x'.repeat(201) },
        { document: 'guide', title: 'x', path: '/etc/passwd' },
      ]) {
        expect(await services.router.dispatch('savePdf', sender, bad), JSON.stringify(bad)).toMatchObject({
          ok: false,
          error: { code: 'invalid-payload' },
        });
      }
      expect(asked).toHaveLength(1);
      expect(
        await services.router.dispatch('savePdf', { url: 'https://evil.example/', isMainFrame: true }, request),
      ).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    } finally {
      await services.dispose();
    }
  });
});
