/** `guidedesk search`: the app's search over the folder, with how the query was understood. */
import type { ArchivedFilter } from '../../shared/ipc';
import { readSynonyms, searchDocuments } from '../../main/app/libraryIndexer';
import type { SearchResponse } from '../../main/core/search';
import { SearchService } from '../../main/services/searchService';
import { loadLibrary, requireDate, UsageError, type CliValues, type Command } from '../context';
import { oneLine, shownName } from '../text';

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw new UsageError('--limit must be a whole number from 1 to 200');
  return limit;
}

function parseArchived(archived: CliValues['archived']): ArchivedFilter | undefined {
  if (archived !== undefined && archived !== 'exclude' && archived !== 'include' && archived !== 'only') {
    throw new UsageError('--archived must be exclude, include or only');
  }
  return archived;
}

function describeResponse(response: SearchResponse): string {
  return [
    response.interpretedAs.length ? `(${response.interpretedAs.join(' · ')})` : '',
    ...response.results.map(
      (r, i) =>
        `${i + 1}. ${shownName(r.title)}${r.archived ? `  [보관 ${r.archivedAt ?? ''}]` : ''}  ${shownName(r.path)}\n${r.matches.map((m) => `     ${oneLine(m.label)}: ${oneLine(m.snippet)}`).join('\n')}`,
    ),
    `${response.results.length} results in ${response.tookMs.toFixed(2)} ms`,
  ]
    .filter(Boolean)
    .join('\n');
}

export const search: Command = {
  arity: 1,
  shape: '"<query>" [--limit N] [--archived exclude|include|only] [--as-of YYYY-MM-DD]',
  async run({ args, values, contentDir, print }) {
    const limit = parseLimit(values.limit);
    const archived = parseArchived(values.archived);
    const snapshot = await loadLibrary(contentDir);
    const service = new SearchService({});
    await service.load(searchDocuments(snapshot), await readSynonyms(contentDir), snapshot.fingerprint);
    const response = service.search(args[0], { limit, archived, asOf: requireDate(values['as-of'], '--as-of') });
    print(response, () => describeResponse(response));
    return 0;
  },
};
