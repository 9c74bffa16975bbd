/**
 * `PDF로 저장`: the window printed as it shows now, through the print stylesheet (A4, no app chrome),
 * by Electron's `webContents.printToPDF`, into a file the trainer picks in a save dialog that opens
 * in the Documents folder with a suggested name. Electron is passed in (types only here), so the
 * flow is tested in plain Node.
 */
import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron';
import type { PrintableDocument, SavePdfRequest, SavePdfResponse } from '../../shared/ipc';
import type { PdfExporter } from '../app/guideDeskHandlers';

/**
 * How every GuideDesk PDF is printed. The stylesheet's `@page` sets A4 and the margins
 * (`preferCSSPageSize`); the footer numbers the pages; headings become the PDF's outline.
 */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="width:100%;font-size:8px;color:#555;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
  generateDocumentOutline: true,
  generateTaggedPDF: true,
};

const DOCUMENT_NAMES: Record<PrintableDocument, string> = {
  briefing: '변경 사항 브리핑',
  guide: '가이드',
  diff: '버전 비교',
};

/** Characters no file name may hold on Windows (and control characters anywhere). */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** `변경 사항 브리핑 2024-12-01~2025-03-01.pdf`: the document's kind and title, safe as a file name. */
export function pdfFileName(request: SavePdfRequest): string {
  const title = request.title.normalize('NFC').replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim();
  const name = `${DOCUMENT_NAMES[request.document]} ${title}`
    .trim()
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  return `${name}.pdf`;
}

/** What the exporter needs of the window (a BrowserWindow in the app). */
export interface PrintingWindow {
  webContents: Pick<WebContents, 'printToPDF'>;
  isDestroyed(): boolean;
}

export interface PdfExportDependencies {
  /** The window to print, or null when none is open. */
  window(): PrintingWindow | null;
  /** Electron's `dialog.showSaveDialog`, modal to the window. */
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** Where the dialog opens: the user's Documents folder (`app.getPath('documents')`). */
  documentsDir(): string;
  /** Writes the file crash-safe (services/atomicFile.ts). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  log?: (message: string) => void;
}

export function createPdfExporter(deps: PdfExportDependencies): PdfExporter {
  return async (request: SavePdfRequest): Promise<SavePdfResponse> => {
    const window = deps.window();
    if (!window || window.isDestroyed()) return { saved: false, reason: 'unavailable', message: 'no window is open' };
    const choice = await deps.showSaveDialog({
      title: 'PDF로 저장',
      defaultPath: join(deps.documentsDir(), pdfFileName(request)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, reason: 'canceled' };
    const path = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
    try {
      const pdf = await window.webContents.printToPDF(PDF_OPTIONS);
      await deps.writeFile(path, pdf);
      return { saved: true, path };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log?.(`savePdf failed: ${message}`);
      return { saved: false, reason: 'failed', message };
    }
  };
}
