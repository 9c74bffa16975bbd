/**
 * What the trainer's tests share: moving by keyboard (`tabTo`), axe's serious findings, and
 * reading the PDFs they print: page count and size (pdfinfo), fonts (pdffonts) and
 * text per page (pdftotext), all from poppler-utils (`.ci/run` installs it with apt). And the
 * options the app prints with (PDF_OPTIONS of src/main/electron/pdfExport.ts) in Playwright's words,
 * so `page.pdf()` prints as `webContents.printToPDF` does.
 */
import { spawnSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { PDF_OPTIONS } from '../src/main/electron/pdfExport';
import type { BriefingGuide, ChangeBriefing } from '../src/shared/briefing';
import type { DiffChange } from '../src/shared/guide';

/** Presses Tab (or Shift+Tab) until the focus is on `selector`: the trainer's own way there. */
export async function tabTo(page: Page, selector: string, { back = false, max = 400 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`the keyboard focus never reached ${selector} in ${max} presses`);
}

/** Serious and critical WCAG findings of axe on the page as it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const POPPLER_HINT = 'The PDF checks need poppler-utils: sudo apt-get install -y poppler-utils fonts-nanum';

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} could not run (${result.error.message}). ${POPPLER_HINT}`);
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export interface PdfReport {
  pages: number;
  /** pdfinfo's page size line, e.g. `595.28 x 841.89 pts (A4)`. */
  pageSize: string;
  fonts: PdfFont[];
  /** The text of each page in the order it was laid out (no dehyphenation), footers (`3 / 10`) removed. */
  pageTexts: string[];
}

export function readPdf(path: string): PdfReport {
  const info = run('pdfinfo', [path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  const pageSize = /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '';
  const fonts = run('pdffonts', [path])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name, type (may hold spaces), encoding, emb, sub, uni, object, id
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      return m ? { name: m[1], type: m[2], embedded: m[4] === 'yes' } : { name: line, type: '?', embedded: false };
    });
  const pageTexts = run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'])
    .split('\f')
    .slice(0, pages)
    .map((text) => text.replace(/^\s*\d+ \/ \d+\s*$/gm, ''));
  return { pages, pageSize, fonts, pageTexts };
}

/** Pictures of the first pages (pdftoppm), next to the screenshots: `<name>-1.png`, `<name>-2.png` … */
export function picturePages(path: string, outputPrefix: string, pages = 2): void {
  run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(pages), path, outputPrefix]);
}

/** Text without any whitespace: line wrapping and spacing cannot hide or fake a match. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A Korean TrueType face Chromium embeds by name (Malgun Gothic on Windows, NanumGothic here). */
export const KOREAN_FONT = /Malgun|Nanum|NotoSansKR|NotoSansCJK|AppleSDGothic/i;

/** `page.pdf()` options that print exactly as the app's printToPDF does. */
export function playwrightPdfOptions(path: string): Parameters<Page['pdf']>[0] {
  return {
    path,
    format: PDF_OPTIONS.pageSize as string,
    printBackground: PDF_OPTIONS.printBackground,
    preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize,
    displayHeaderFooter: PDF_OPTIONS.displayHeaderFooter,
    headerTemplate: PDF_OPTIONS.headerTemplate,
    footerTemplate: PDF_OPTIONS.footerTemplate,
    outline: PDF_OPTIONS.generateDocumentOutline,
    tagged: PDF_OPTIONS.generateTaggedPDF,
  };
}

/** The text one change shows on paper, contiguous: the merged line of a reworded one, else its side. */
export function printedText(change: DiffChange, introduced: boolean): string {
  if (introduced) return change.after ?? '';
  if (change.op === 'changed' && change.spans?.length) return change.spans.map((s) => s.text).join('');
  return change.after ?? change.before ?? '';
}

/** Every guide of a briefing, in order. */
export function briefingGuides(briefing: ChangeBriefing): BriefingGuide[] {
  return briefing.groups.flatMap((g) => g.guides);
}

/**
 * Checks a printed briefing: A4, Korean fonts embedded, each guide starting a page of its own in
 * the briefing's order, and every change's label and text in the text. Returns what is missing.
 */
export function missingFromPrintedBriefing(report: PdfReport, briefing: ChangeBriefing): string[] {
  const missing: string[] = [];
  const pages = report.pageTexts.map(squeeze);
  const all = pages.join('');
  let lastPage = -1;
  for (const guide of briefingGuides(briefing)) {
    // The page whose opening lines hold the guide's title (a group heading may come first).
    const title = squeeze(guide.title);
    const page = pages.findIndex((text, i) => i > lastPage && text.slice(0, title.length + 200).includes(title));
    if (page < 0) missing.push(`no page starts with guide "${guide.title}" after page ${lastPage + 1}`);
    else lastPage = page;
    for (const change of guide.changes) {
      const text = squeeze(printedText(change, guide.kind === 'new'));
      if (change.label && !all.includes(squeeze(change.label))) missing.push(`${guide.title}: label ${change.label}`);
      if (text && !all.includes(text)) missing.push(`${guide.title}: ${change.label ?? ''} ${text.slice(0, 60)}`);
    }
  }
  return missing;
}
