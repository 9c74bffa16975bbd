/**
 * `guidedesk`: the command line over the same core as the app, for content teams (checking a
 * guide folder in their CI), trainers (change digests) and scripts. Its JSON output is a public
 * interface (docs/cli.md). Exit codes: 0 success, 1 `check` found errors, 2 usage or input error.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { GuideVersion } from '../shared/guide';
import { resolveVersion } from '../main/app/guideDeskHandlers';
import { readSynonyms, searchDocuments } from '../main/app/guideDeskServices';
import { NotFoundError } from '../main/ipc/router';
import { changesSince, diffVersions } from '../main/core/versions';
import { ContentLibrary, type LibrarySnapshot } from '../main/services/contentLibrary';
import { SearchService } from '../main/services/searchService';

const USAGE = `usage: guidedesk <command> [options]

commands:
  check [--today D]              parse every guide file and report problems (exit 1 on errors):
                                 unreadable files, parse problems, broken links, expired dates
  show <GUIDE|PATH> [--as-of D]  one guide version, structured
  versions <GUIDE|PATH>          the versions of a guide, oldest first
  diff <A> <B>                   what changed between two versions or guides
  changes --since YYYY-MM-DD     guides archived or taking effect since a date
  search "<query>" [--limit N] [--archived exclude|include|only] [--as-of D]

options:
  --content DIR   guide folder (default: the embedded content/ pack)
  --json          machine-readable output on stdout`;

class UsageError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

function defaultContentDir(): string {
  // bin/guidedesk.js → out/main/cli.js; the pack sits at the repository root.
  return resolve(__dirname, '../../content');
}

function requireDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new UsageError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

async function loadLibrary(contentDir: string, today?: string): Promise<LibrarySnapshot> {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory())
    throw new UsageError(`content folder not found: ${contentDir}`);
  const library = new ContentLibrary(contentDir, today ? { today: () => today } : {});
  await library.load();
  return library.snapshot;
}

function find(snapshot: LibrarySnapshot, ref: string, asOf?: string): GuideVersion {
  try {
    return resolveVersion(snapshot, ref, asOf);
  } catch (error) {
    if (error instanceof NotFoundError) throw new UsageError(error.message);
    throw error;
  }
}

/** The `show` document: the guide model without the bulky rendering fields. */
function showJson(version: GuideVersion) {
  const { markdown: _markdown, plainText: _plainText, ...structured } = version;
  return structured;
}

function describeVersion(v: GuideVersion): string {
  const lines = [`${v.rawTitle}  (${v.path})`, `id: ${v.id}${v.archived ? `  · 보관 ${v.archivedAt ?? ''}` : ''}`];
  if (v.category.length)
    lines.push(
      `상담 유형: ${v.category.join(' ▶ ')}${v.categoryOptions.length ? ` ▶ ${v.categoryOptions.join(', ')}` : ''}`,
    );
  if (v.responseSteps.length) lines.push(`응대 순서: ${v.responseSteps.join(' ▶ ')}`);
  for (const policy of v.policies)
    lines.push(`정책: ${policy.text}${policy.phones.length ? `  [${policy.phones.join(', ')}]` : ''}`);
  if (v.question) lines.push(`Q. ${v.question}`);
  for (const script of v.scripts) {
    lines.push(`\n[${script.step}] ${script.title}${script.condition ? `  (${script.condition})` : ''}`);
    lines.push(script.text.replace(/^/gm, '    '));
    for (const note of script.notes) lines.push(`    ※ ${note}`);
  }
  if (v.effectiveDates.length) lines.push(`\n적용일: ${v.effectiveDates.join(', ')}`);
  if (v.expiryDates.length) lines.push(`만료일: ${v.expiryDates.join(', ')}`);
  return lines.join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        json: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        since: { type: 'string' },
        today: { type: 'string' },
        limit: { type: 'string' },
        archived: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`guidedesk: ${(error as Error).message}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const json = values.json;
  const print = (data: unknown, text: () => string) => io.out(json ? JSON.stringify(data, null, 2) : text());
  const contentDir = resolve(values.content ?? defaultContentDir());

  try {
    const needArgs = (n: number, shape: string) => {
      if (args.length !== n) throw new UsageError(`usage: guidedesk ${command} ${shape}`);
    };
    switch (command) {
      case 'check': {
        needArgs(0, '[--content DIR] [--json] [--today YYYY-MM-DD]');
        const snapshot = await loadLibrary(contentDir, requireDate(values.today, '--today'));
        const report = { guides: snapshot.histories.length, versions: snapshot.versions.length, files: snapshot.files };
        print(report, () =>
          [
            ...snapshot.files.flatMap((file) => [
              `${file.status.toUpperCase().padEnd(7)} ${file.path}${file.encoding ? `  (${file.encoding})` : ''}`,
              ...file.problems.map(
                (p) => `        ${p.severity}: ${p.code}: ${p.message}${p.line ? ` (line ${p.line})` : ''}`,
              ),
            ]),
            `${report.guides} guides, ${report.versions} versions, ${snapshot.files.filter((f) => f.status === 'error').length} files with errors`,
          ].join('\n'),
        );
        return snapshot.files.some((file) => file.status === 'error') ? 1 : 0;
      }
      case 'show': {
        needArgs(1, '<GUIDE|PATH> [--as-of YYYY-MM-DD]');
        const snapshot = await loadLibrary(contentDir);
        const version = find(snapshot, args[0], requireDate(values['as-of'], '--as-of'));
        print(showJson(version), () => describeVersion(version));
        return 0;
      }
      case 'versions': {
        needArgs(1, '<GUIDE|PATH>');
        const snapshot = await loadLibrary(contentDir);
        const history = snapshot.historyById.get(find(snapshot, args[0]).id)!;
        const data = {
          id: history.id,
          title: history.title,
          versions: history.versions.map(({ path, archived, archivedAt, validFrom, validTo }) => ({
            path,
            archived,
            archivedAt,
            validFrom,
            validTo,
          })),
        };
        print(data, () =>
          [
            `${history.title}  (id: ${history.id})${history.retired ? '  · 사용 종료' : ''}`,
            ...data.versions.map((v) => `  ${v.validFrom ?? '…'} ~ ${v.validTo ?? '현재'}  ${v.path}`),
          ].join('\n'),
        );
        return 0;
      }
      case 'diff': {
        needArgs(2, '<A> <B>');
        const snapshot = await loadLibrary(contentDir);
        const diff = diffVersions(find(snapshot, args[0]), find(snapshot, args[1]));
        print(diff, () =>
          [
            `--- ${diff.from}`,
            `+++ ${diff.to}`,
            ...diff.changes.map((c) => {
              const where = c.label ? `${c.section} · ${c.label}` : c.section;
              const indent = (text: string | null) => (text ?? '').replace(/\n/g, '\n    ');
              if (c.op === 'added') return `[${where}]\n  + ${indent(c.after)}`;
              if (c.op === 'removed') return `[${where}]\n  - ${indent(c.before)}`;
              // Word-level marks in the style of `git diff --word-diff`: [-removed-]{+added+}.
              if (c.spans) {
                const marked = c.spans.map((span) =>
                  span.kind === 'same' ? span.text : span.kind === 'removed' ? `[-${span.text}-]` : `{+${span.text}+}`,
                );
                return `[${where}]\n  ~ ${indent(marked.join(''))}`;
              }
              return `[${where}]\n  - ${indent(c.before)}\n  + ${indent(c.after)}`;
            }),
            diff.changes.length ? '' : '(no changes)',
          ].join('\n'),
        );
        return 0;
      }
      case 'changes': {
        needArgs(0, '--since YYYY-MM-DD');
        const since = requireDate(values.since, '--since');
        if (!since) throw new UsageError('changes needs --since YYYY-MM-DD');
        const snapshot = await loadLibrary(contentDir);
        const guides = changesSince(snapshot.versions, snapshot.histories, since);
        const eventName = { archived: '보관', effective: '적용 시작', dated: '부분 적용' } as const;
        print({ since, guides }, () =>
          [
            `${since} 이후 바뀐 가이드 ${guides.length}건`,
            ...guides.map((g) =>
              [
                `\n${g.title}${g.retired ? '  · 사용 종료' : ''}`,
                ...g.events.map((e) => `  ${e.date} ${eventName[e.kind]}  ${e.path}`),
                g.summary
                  ? `  변경 ${g.summary.total}건${g.summary.labels.length ? `: ${g.summary.labels.join(', ')}` : ''}`
                  : '',
              ]
                .filter(Boolean)
                .join('\n'),
            ),
          ].join('\n'),
        );
        return 0;
      }
      case 'search': {
        needArgs(1, '"<query>" [--limit N] [--archived exclude|include|only] [--as-of YYYY-MM-DD]');
        let limit: number | undefined;
        if (values.limit !== undefined) {
          limit = Number(values.limit);
          if (!Number.isInteger(limit) || limit < 1 || limit > 200)
            throw new UsageError('--limit must be a whole number from 1 to 200');
        }
        const archived = values.archived;
        if (archived !== undefined && archived !== 'exclude' && archived !== 'include' && archived !== 'only') {
          throw new UsageError('--archived must be exclude, include or only');
        }
        const snapshot = await loadLibrary(contentDir);
        const search = new SearchService({});
        await search.load(searchDocuments(snapshot), await readSynonyms(contentDir), snapshot.fingerprint);
        const response = search.search(args[0], { limit, archived, asOf: requireDate(values['as-of'], '--as-of') });
        print(response, () =>
          [
            response.interpretedAs.length ? `(${response.interpretedAs.join(' · ')})` : '',
            ...response.results.map(
              (r, i) =>
                `${i + 1}. ${r.title}${r.archived ? `  [보관 ${r.archivedAt ?? ''}]` : ''}  ${r.path}\n${r.matches.map((m) => `     ${m.label}: ${m.snippet}`).join('\n')}`,
            ),
            `${response.results.length} results in ${response.tookMs.toFixed(2)} ms`,
          ]
            .filter(Boolean)
            .join('\n'),
        );
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`guidedesk: ${error.message}`);
      return 2;
    }
    io.err(`guidedesk: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module || process.env.GUIDEDESK_CLI === '1') {
  runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
