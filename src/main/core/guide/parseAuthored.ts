/**
 * Parser for the clean authoring format (docs/authoring.md): YAML front matter read as DATA only
 * (never evaluated; `---js` / `---javascript` fences are refused), Markdown body, `:::script` blocks.
 */
import { parseDocument } from 'yaml';
import type { GuideVersion, IsoDate, Problem } from '../../../shared/guide';
import { extractDates, extractPhones, extractPlaceholders } from './extract';
import {
  SCRIPT_HEAD,
  collectLinks,
  markdownToPlain,
  normalizeSpaces,
  splitScriptLine,
  stepNumber,
  stripInline,
} from './markup';
import { PolicyCollector, splitCategory, splitSteps, splitTableRow } from './parseExport';
import { ScriptBuilder } from './scriptBuilder';
import { guideIdFromTitle, parseLooseDate, splitArchivePrefix } from './title';

export interface FrontMatterSplit {
  /** The YAML source, or null when the file has no front matter. */
  yaml: string | null;
  body: string;
  /** Line number (1-based) where the body starts. */
  bodyLine: number;
  problem?: Problem;
}

/** Splits `---` front matter off the text. A fence naming another language (`---js`) is refused. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  const first = (lines[0] ?? '').trim();
  const lang = /^---\s*([A-Za-z][\w-]*)?\s*$/.exec(first);
  if (!lang) return { yaml: null, body: text, bodyLine: 1 };
  if (lang[1] && lang[1].toLowerCase() !== 'yaml' && lang[1].toLowerCase() !== 'yml') {
    return {
      yaml: null,
      body: text,
      bodyLine: 1,
      problem: {
        severity: 'error',
        code: 'frontmatter-code',
        message: `Front matter fenced as \`---${lang[1]}\` is refused: front matter is YAML data only and is never run. Use a plain \`---\` fence with YAML.`,
        line: 1,
      },
    };
  }
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i])) {
      return { yaml: lines.slice(1, i).join('\n'), body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
    }
  }
  return {
    yaml: null,
    body: text,
    bodyLine: 1,
    problem: {
      severity: 'error',
      code: 'frontmatter-unclosed',
      message: 'Front matter starts with `---` but has no closing `---` line.',
      line: 1,
    },
  };
}

function asString(v: unknown): string | null {
  if (typeof v === 'string') return normalizeSpaces(v).normalize('NFC').trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function asDate(v: unknown): IsoDate | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const s = asString(v);
  return s ? parseLooseDate(s) : null;
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(asString).filter((x): x is string => x !== null);
  const s = asString(v);
  return s ? [s] : [];
}

const SCRIPT_OPEN = /^\s*:::\s*script\b\s*(.*)$/iu;
const BLOCK_CLOSE = /^\s*:::\s*$/;

export function parseAuthored(path: string, text: string): { version: GuideVersion | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const fm = splitFrontMatter(text);
  if (fm.problem) return { version: null, problems: [fm.problem] };

  let data: Record<string, unknown> = {};
  if (fm.yaml !== null) {
    const doc = parseDocument(fm.yaml, { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      return {
        version: null,
        problems: [
          {
            severity: 'error',
            code: 'frontmatter-invalid',
            message: `Front matter is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
            line: (doc.errors[0].linePos?.[0]?.line ?? 0) + 1,
          },
        ],
      };
    }
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      return {
        version: null,
        problems: [
          {
            severity: 'error',
            code: 'frontmatter-invalid',
            message: `Front matter could not be read: ${(e as Error).message}`,
            line: 1,
          },
        ],
      };
    }
    if (js !== null && js !== undefined && (typeof js !== 'object' || Array.isArray(js))) {
      return {
        version: null,
        problems: [
          {
            severity: 'error',
            code: 'frontmatter-invalid',
            message: 'Front matter must be a YAML mapping (`key: value` lines).',
            line: 2,
          },
        ],
      };
    }
    data = (js ?? {}) as Record<string, unknown>;
  }

  const bodyLines = fm.body.split('\n').map((l) => normalizeSpaces(l));
  const builder = new ScriptBuilder();
  const policies = new PolicyCollector();
  const notes: string[] = [];
  const md: string[] = [];
  let headingTitle: string | null = null;
  let question: string | null = null;
  let section: 'none' | 'policy' | 'script' | 'other' = 'none';
  let inScript = false;
  let autoStep = 0;
  let bodyCategory: string | null = null;
  let bodySteps: string | null = null;
  let tableRows: string[][] = [];

  const flushTable = () => {
    if (tableRows.length && section === 'policy') policies.addTable(tableRows);
    tableRows = [];
  };

  for (let i = 0; i < bodyLines.length; i++) {
    const line = bodyLines[i];
    if (inScript) {
      if (BLOCK_CLOSE.test(line)) {
        inScript = false;
        builder.close();
        md.push('');
        continue;
      }
      // A condition line gets its own paragraph so the script under it is not swallowed by the quote.
      if (/^\s*>/.test(line)) md.push(line, '');
      else md.push(line);
      if (/^\s*$/.test(line)) builder.paragraphBreak();
      else builder.feed(splitScriptLine(line.replace(/^\s*-\s+(?=[*※>])/u, '')));
      continue;
    }
    const open = SCRIPT_OPEN.exec(line);
    if (open) {
      flushTable();
      inScript = true;
      const head = open[1].trim();
      const m = SCRIPT_HEAD.exec(head);
      let n = m?.[1] ? stepNumber(m[1]) : m?.[2] ? Number(m[2]) : 0;
      if (!n) n = autoStep + 1;
      autoStep = n;
      builder.startStep(n, stripInline(m?.[3] ?? head));
      md.push('', `### ${head || `${n}`}`, '');
      continue;
    }
    md.push(line);
    if (/^\s*\|/.test(line)) {
      const cells = splitTableRow(line);
      if (!cells.every((c) => /^:?-{1,}:?$/.test(c))) tableRows.push(cells);
      continue;
    }
    flushTable();
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const t = stripInline(heading[2]);
      if (heading[1].length === 1 && headingTitle === null) {
        headingTitle = t;
        continue;
      }
      if (/정책|참고\s*사항|유의\s*사항|안내\s*사항/u.test(t)) section = 'policy';
      else if (/스크립트|Q\s*&\s*A|멘트/iu.test(t)) section = 'script';
      else section = 'other';
      policies.endRow();
      continue;
    }
    const t = stripInline(line);
    if (!t) {
      if (section === 'policy') policies.endRow();
      continue;
    }
    const q = /^Q\s*[.:)]\s*(.+)$/u.exec(t);
    if (q) {
      if (question === null) question = q[1].trim();
      continue;
    }
    const cat = /^(?:[-*]\s*)?상담\s*유형\s*[:：]\s*(.+)$/u.exec(t);
    if (cat) {
      bodyCategory = cat[1];
      continue;
    }
    const st = /^(?:[-*]\s*)?응대\s*(?:순서|절차)\s*[:：]\s*(.+)$/u.exec(t);
    if (st) {
      bodySteps = st[1];
      continue;
    }
    if (section === 'policy') {
      // `*` / `※` lines are notes: indented under a row they belong to it, at the top level to the guide.
      const starNote = /^(\s*)(?:\*|※)\s*(.+)$/u.exec(line);
      if (starNote && !/^\s*\*\*/.test(line)) {
        if (starNote[1].length >= 2) policies.add(`ㄴ ${starNote[2]}`);
        else notes.push(stripInline(starNote[2]));
        continue;
      }
      const item = /^(\s*)(?:[-+]|\d+[.)])\s+(.*)$/u.exec(line);
      if (item) {
        const content = item[2];
        if (item[1].length >= 2)
          policies.add(/^\s*(?:ㄴ|└|↳|※|\*)/u.test(stripInline(content)) ? content : `ㄴ ${content}`);
        else policies.add(`· ${content}`, true);
      } else policies.add(line);
      continue;
    }
    const note = /^(?:[-*]\s+)?(?:※|\*)\s*(.+)$/u.exec(line.trim());
    if (note) notes.push(stripInline(note[1]));
  }
  flushTable();
  if (inScript)
    problems.push({
      severity: 'warning',
      code: 'script-unclosed',
      message: 'A `:::script` block has no closing `:::` line; it runs to the end of the file.',
    });

  const fmTitle = asString(data.title);
  let rawTitle = fmTitle ?? headingTitle ?? '';
  const base = (path.split('/').pop() ?? path).replace(/\.(md|markdown|txt)$/i, '').normalize('NFC');
  if (!rawTitle) {
    rawTitle = base;
    problems.push({
      severity: 'warning',
      code: 'no-title',
      message: 'No `title:` in the front matter and no `# 제목` heading; the file name is used as the title.',
    });
  }
  const split = splitArchivePrefix(rawTitle);
  const fromFile = splitArchivePrefix(base);
  const fmArchived = data.archived;
  const fmArchivedAt = asDate(fmArchived);
  const archivedAt = fmArchivedAt ?? split.archivedAt ?? fromFile.archivedAt;
  const archived = Boolean(fmArchivedAt) || fmArchived === true || split.archived || fromFile.archived;

  let category: string[] = [];
  let categoryOptions: string[] = [];
  if (Array.isArray(data.category)) {
    ({ category, options: categoryOptions } = splitCategory(asList(data.category).join(' ▶ ')));
  } else {
    const c = asString(data.category) ?? bodyCategory;
    if (c) ({ category, options: categoryOptions } = splitCategory(c));
  }
  if (Array.isArray(data.categoryOptions)) categoryOptions = asList(data.categoryOptions);
  const responseSteps = Array.isArray(data.responseSteps)
    ? asList(data.responseSteps)
    : splitSteps(asString(data.responseSteps) ?? bodySteps ?? '');

  const built = builder.finish();
  const scripts = built.steps;
  for (const n of [...built.notes, ...policies.looseNotes]) if (!notes.includes(n)) notes.push(n);
  if (built.looseText) notes.push(...built.looseText.split('\n').filter(Boolean));

  const markdownBody = md
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const markdown = `${headingTitle === null ? `# ${rawTitle}\n\n` : ''}${markdownBody}\n`;
  const plainText = markdownToPlain(markdown);
  const bodyPlain = markdownToPlain(markdownBody);
  if (!bodyPlain && scripts.length === 0 && category.length === 0) {
    return {
      version: null,
      problems: [
        ...problems,
        {
          severity: 'error',
          code: 'no-content',
          message: 'The file has no guide content. Add the guide body or delete the file.',
        },
      ],
    };
  }
  if (category.length === 0)
    problems.push({
      severity: 'warning',
      code: 'no-category',
      message: 'No `category:` in the front matter; the guide has no 상담 유형.',
    });
  if (scripts.length === 0)
    problems.push({ severity: 'warning', code: 'no-scripts', message: 'No `:::script` blocks found.' });

  const effectiveFrom = Array.isArray(data.effective)
    ? (asList(data.effective).map(parseLooseDate).filter(Boolean)[0] ?? null)
    : asDate(data.effective);
  const fmEffective = (Array.isArray(data.effective) ? data.effective.map(asDate) : [asDate(data.effective)]).filter(
    (d): d is IsoDate => d !== null,
  );
  if (data.effective !== undefined && fmEffective.length === 0)
    problems.push({
      severity: 'warning',
      code: 'frontmatter-date',
      message: '`effective:` is not a date (write YYYY-MM-DD).',
    });
  if (fmArchived !== undefined && fmArchived !== true && fmArchived !== false && fmArchivedAt === null)
    problems.push({
      severity: 'warning',
      code: 'frontmatter-date',
      message: '`archived:` is not a date (write YYYY-MM-DD, or true).',
    });
  const dates = extractDates(bodyPlain);
  const placeholders: string[] = [];
  for (const p of [
    ...scripts.flatMap((s) => [...s.placeholders, ...s.branches.flatMap((b) => b.placeholders)]),
    ...extractPlaceholders(bodyPlain),
  ])
    if (!placeholders.includes(p)) placeholders.push(p);
  const id = asString(data.id) ?? guideIdFromTitle(split.title);
  const zendeskId = asString(data.zendeskId);

  const version: GuideVersion = {
    id: id.normalize('NFC'),
    path,
    format: 'authored',
    title: split.title,
    rawTitle: rawTitle.normalize('NFC'),
    archived,
    archivedAt,
    category,
    categoryOptions,
    responseSteps,
    policies: policies.finish(),
    question: question ?? asString(data.question),
    scripts,
    placeholders,
    phones: extractPhones(bodyPlain),
    links: collectLinks(fm.body),
    effectiveDates: [...new Set([...fmEffective, ...dates.effective])].sort(),
    expiryDates: dates.expiry,
    notes,
    markdown,
    plainText,
    effectiveFrom: effectiveFrom ?? null,
    ...(zendeskId ? { zendeskId } : {}),
  };
  return { version, problems };
}
