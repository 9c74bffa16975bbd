/**
 * Markdown → HTML for the guide view. markdown-it `default` preset with raw HTML OFF (never the
 * `commonmark` preset, which turns it on), linkify, only http/https/mailto/tel links, table alignment as
 * classes (a strict CSP drops inline `style`), and bounds so one pathological file cannot freeze the app.
 */
import MarkdownIt from 'markdown-it';
import type { Problem } from '../../shared/guide';

type Renderer = InstanceType<typeof MarkdownIt>;

/** Longest Markdown string rendered; the rest is cut with a warning. */
const MAX_RENDER_CHARS = 1_000_000;
/** Widest table rendered; further cells are dropped with a warning. */
export const MAX_TABLE_COLUMNS = 100;

const SAFE_HREF = /^(?:https?:|mailto:|tel:)/i;

function createRenderer(): Renderer {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  // Remote images would break offline use and CSP; `![alt](src)` stays as text.
  md.disable('image');
  // markdown-it's own validateLink already refuses javascript:/vbscript:/file:/data:. Links it accepts but
  // that are not http/https/mailto/tel (relative paths, `smb:`, `//host`) lose their anchor below and
  // show as their plain text.
  md.core.ruler.push('guidedesk_safe_links', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const stack: boolean[] = [];
      for (const t of block.children) {
        if (t.type === 'link_open') {
          const href = String(t.attrGet('href') ?? '');
          const unsafe = !SAFE_HREF.test(href.trim());
          stack.push(unsafe);
          if (unsafe) {
            t.type = 'text';
            t.tag = '';
            t.content = '';
            t.attrs = null;
          }
        } else if (t.type === 'link_close') {
          if (stack.pop()) {
            t.type = 'text';
            t.tag = '';
            t.content = '';
          }
        }
      }
    }
    return true;
  });
  md.core.ruler.push('guidedesk_table_align', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const style = token.attrGet('style');
      if (style === null) continue;
      const m = /text-align:\s*(left|center|right)/.exec(String(style));
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (m) token.attrJoin('class', `align-${m[1]}`);
    }
    return true;
  });
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

let renderer: Renderer | null = null;

/** Cuts table rows wider than MAX_TABLE_COLUMNS cells. Returns the new text and whether anything was cut. */
function limitTableWidth(markdown: string): { text: string; cut: boolean } {
  let cut = false;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length < MAX_TABLE_COLUMNS * 2 || !line.includes('|')) continue;
    let pipes = 0;
    for (let j = 0; j < line.length; j++) {
      if (line[j] === '\\') {
        j++;
        continue;
      }
      if (line[j] === '|') {
        pipes++;
        // A leading pipe opens the row; MAX+1 pipes close MAX cells.
        const limit = line.trimStart().startsWith('|') ? MAX_TABLE_COLUMNS + 1 : MAX_TABLE_COLUMNS;
        if (pipes === limit && j < line.trimEnd().length - 1) {
          lines[i] = line.slice(0, j + 1);
          cut = true;
          break;
        }
      }
    }
  }
  return { text: lines.join('\n'), cut };
}

export function renderGuideMarkdown(markdown: string): { html: string; problems: Problem[] } {
  const problems: Problem[] = [];
  let text = typeof markdown === 'string' ? markdown : '';
  text = text.replace(/^\uFEFF/, '');
  if (text.length > MAX_RENDER_CHARS) {
    const cutAt = text.lastIndexOf('\n', MAX_RENDER_CHARS);
    text = text.slice(0, cutAt > MAX_RENDER_CHARS / 2 ? cutAt : MAX_RENDER_CHARS);
    problems.push({
      severity: 'warning',
      code: 'render-truncated',
      message: `The guide is longer than ${MAX_RENDER_CHARS.toLocaleString('en')} characters; only the beginning is shown. Split the file into smaller guides.`,
    });
  }
  const limited = limitTableWidth(text);
  if (limited.cut) {
    problems.push({
      severity: 'warning',
      code: 'table-too-wide',
      message: `A table has more than ${MAX_TABLE_COLUMNS} columns; only the first ${MAX_TABLE_COLUMNS} are shown.`,
    });
  }
  renderer ??= createRenderer();
  try {
    return { html: renderer.render(limited.text), problems };
  } catch (e) {
    problems.push({
      severity: 'error',
      code: 'render-failed',
      message: `The guide could not be rendered: ${(e as Error).message}`,
    });
    return { html: '', problems };
  }
}
