/**
 * `guidedesk changes`: what changed in a period. Without `--format`, the digest (text, or JSON with
 * `--json`); `--format html` or `--format md` writes the trainer's briefing, the same document the
 * 변경 사항 screen shows and prints.
 */
import type { ChangeDigestEntry } from '../../shared/guide';
import { changeBriefing, changesSince } from '../../main/core/versions';
import { localIsoDate } from '../../main/services/contentLibrary';
import { loadLibrary, requireDate, UsageError, type Command } from '../context';
import { briefingHtml } from './briefingHtml';
import { briefingMarkdown } from './briefingMarkdown';
import { shownName } from '../text';

const eventName = { archived: '보관', effective: '적용 시작', dated: '부분 적용' } as const;

function describeDigestEntry(g: ChangeDigestEntry): string {
  return [
    `\n${shownName(g.title)}${g.retired ? '  · 사용 종료' : ''}`,
    ...g.events.map((e) => `  ${e.date} ${eventName[e.kind]}  ${shownName(e.path)}`),
    g.summary ? `  변경 ${g.summary.total}건${g.summary.labels.length ? `: ${g.summary.labels.join(', ')}` : ''}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

const FORMATS = ['html', 'md'] as const;
type Format = (typeof FORMATS)[number];

function readFormat(value: string | undefined, json: boolean): Format | null {
  if (value === undefined) return null;
  if (!(FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format must be html or md, got "${value}"`);
  if (json) throw new UsageError('--format and --json do not go together: pick one');
  return value as Format;
}

export const changes: Command = {
  arity: 0,
  shape: '--since YYYY-MM-DD [--until YYYY-MM-DD] [--format html|md]',
  async run({ values, contentDir, print, write }) {
    const since = requireDate(values.since, '--since');
    if (!since) throw new UsageError('changes needs --since YYYY-MM-DD');
    const until = requireDate(values.until, '--until') ?? null;
    if (until !== null && until < since) throw new UsageError(`--until ${until} is before --since ${since}`);
    const format = readFormat(values.format, values.json);
    const snapshot = await loadLibrary(contentDir);
    if (format) {
      const briefing = changeBriefing(snapshot.versions, snapshot.histories, { since, until });
      const info = { madeOn: localIsoDate() };
      write(format === 'html' ? briefingHtml(briefing, info) : briefingMarkdown(briefing, info));
      return 0;
    }
    const guides = changesSince(snapshot.versions, snapshot.histories, since, until);
    const heading = until
      ? `${since} ~ ${until} 바뀐 가이드 ${guides.length}건`
      : `${since} 이후 바뀐 가이드 ${guides.length}건`;
    print(until ? { since, until, guides } : { since, guides }, () =>
      [heading, ...guides.map(describeDigestEntry)].join('\n'),
    );
    return 0;
  },
};
