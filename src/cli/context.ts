/**
 * What every `guidedesk` command receives, and the input checks they share. A command throws
 * UsageError for anything the user can fix (exit 2 with a one-line message).
 */
import { existsSync, statSync } from 'node:fs';
import { isIsoDate } from '../shared/dates';
import type { GuideVersion } from '../shared/guide';
import { resolveVersion } from '../main/app/guideDeskHandlers';
import { NotFoundError } from '../main/ipc/router';
import { ContentLibrary, type LibrarySnapshot } from '../main/services/contentLibrary';

export class UsageError extends Error {}

/** The options `runCli` parses; every command reads only the ones it documents. */
export interface CliValues {
  content?: string;
  json: boolean;
  'as-of'?: string;
  since?: string;
  until?: string;
  format?: string;
  today?: string;
  limit?: string;
  archived?: string;
  help: boolean;
}

export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  values: CliValues;
  /** The guide folder, resolved to an absolute path. */
  contentDir: string;
  /** Writes `data` as JSON with --json, otherwise the text `text()` builds. */
  print(data: unknown, text: () => string): void;
  /** Writes a whole document to stdout as it is (`changes --format html|md`). */
  write(document: string): void;
}

export interface Command {
  /** How many positional arguments the command takes. */
  arity: number;
  /** The argument shape shown when the count is wrong: `usage: guidedesk <name> <shape>`. */
  shape: string;
  /** Runs the command; resolves to the exit code. */
  run(context: CommandContext): Promise<number>;
}

/** A flag's date, which must be a real calendar date (`2024-02-30` is refused). */
export function requireDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

export async function loadLibrary(contentDir: string, today?: string): Promise<LibrarySnapshot> {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory())
    throw new UsageError(`content folder not found: ${contentDir}`);
  const library = new ContentLibrary(contentDir, today ? { today: () => today } : {});
  await library.load();
  return library.snapshot;
}

/** A guide id or version path (and an optional as-of date) to one version; unknown is a usage error. */
export function findVersion(snapshot: LibrarySnapshot, ref: string, asOf?: string): GuideVersion {
  try {
    return resolveVersion(snapshot, ref, asOf);
  } catch (error) {
    if (error instanceof NotFoundError) throw new UsageError(error.message);
    throw error;
  }
}
