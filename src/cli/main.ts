/**
 * `guidedesk`: the command line over the same core as the app, for content teams (checking a
 * guide folder in their CI), trainers (change digests) and scripts. Its JSON output is a public
 * interface (docs/cli.md). Exit codes: 0 success, 1 `check` found errors, 2 usage or input error.
 *
 * This file parses the arguments and dispatches; each command lives in `commands/`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commands } from './commands';
import { UsageError, type CliValues } from './context';

const USAGE = `usage: guidedesk <command> [options]

commands:
  check [--today D]              parse every guide file and report problems (exit 1 on errors):
                                 unreadable files, parse problems, broken links, expired dates
  show <GUIDE|PATH> [--as-of D]  one guide version, structured
  versions <GUIDE|PATH>          the versions of a guide, oldest first
  diff <A> <B>                   what changed between two versions or guides
  changes --since D [--until D] [--format html|md]
                                 guides archived or taking effect in a period; --format writes
                                 the trainer's briefing as HTML (print-ready) or Markdown
  search "<query>" [--limit N] [--archived exclude|include|only] [--as-of D]

options:
  --content DIR   guide folder (default: the embedded content/ pack)
  --json          machine-readable output on stdout`;

interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

function defaultContentDir(): string {
  // bin/guidedesk.js → out/main/cli.js; the pack sits at the repository root.
  return resolve(__dirname, '../../content');
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      json: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      format: { type: 'string' },
      today: { type: 'string' },
      limit: { type: 'string' },
      archived: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    io.err(`guidedesk: ${(error as Error).message}`);
    return 2;
  }
  const values: CliValues = parsed.values;
  const [name, ...args] = parsed.positionals;
  if (values.help || !name) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    if (!Object.hasOwn(commands, name)) throw new UsageError(`unknown command "${name}"\n${USAGE}`);
    const command = commands[name];
    if (args.length !== command.arity) throw new UsageError(`usage: guidedesk ${name} ${command.shape}`);
    return await command.run({
      args,
      values,
      contentDir: resolve(values.content ?? defaultContentDir()),
      print: (data, text) => io.out(values.json ? JSON.stringify(data, null, 2) : text()),
      write: (document) => io.out(document.replace(/\n$/, '')),
    });
  } catch (error) {
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
