/** `guidedesk check`: every file parsed, every problem named; exit 1 when a file has errors. */
import type { FileReport } from '../../shared/guide';
import { loadLibrary, requireDate, type Command } from '../context';
import { oneLine, shownName } from '../text';

function describeFile(file: FileReport): string[] {
  return [
    `${file.status.toUpperCase().padEnd(7)} ${shownName(file.path)}${file.encoding ? `  (${file.encoding})` : ''}`,
    ...file.problems.map(
      (p) => `        ${p.severity}: ${p.code}: ${oneLine(p.message)}${p.line ? ` (line ${p.line})` : ''}`,
    ),
  ];
}

export const check: Command = {
  arity: 0,
  shape: '[--content DIR] [--json] [--today YYYY-MM-DD]',
  async run({ values, contentDir, print }) {
    const snapshot = await loadLibrary(contentDir, requireDate(values.today, '--today'));
    const report = { guides: snapshot.histories.length, versions: snapshot.versions.length, files: snapshot.files };
    const failed = snapshot.files.filter((file) => file.status === 'error').length;
    print(report, () =>
      [
        ...snapshot.files.flatMap(describeFile),
        `${report.guides} guides, ${report.versions} versions, ${failed} files with errors`,
      ].join('\n'),
    );
    return failed > 0 ? 1 : 0;
  },
};
