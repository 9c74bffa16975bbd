/** `guidedesk show` and `guidedesk versions`: one version as structure, or a guide's versions. */
import type { GuideVersion } from '../../shared/guide';
import { findVersion, loadLibrary, requireDate, type Command } from '../context';
import { shownName } from '../text';

/** The `show` document: the guide model without the bulky rendering fields. */
function showJson(version: GuideVersion) {
  const { markdown: _markdown, plainText: _plainText, ...structured } = version;
  return structured;
}

function describeVersion(v: GuideVersion): string {
  const lines = [
    `${shownName(v.rawTitle)}  (${shownName(v.path)})`,
    `id: ${shownName(v.id)}${v.archived ? `  · 보관 ${v.archivedAt ?? ''}` : ''}`,
  ];
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

export const show: Command = {
  arity: 1,
  shape: '<GUIDE|PATH> [--as-of YYYY-MM-DD]',
  async run({ args, values, contentDir, print }) {
    const snapshot = await loadLibrary(contentDir);
    const version = findVersion(snapshot, args[0], requireDate(values['as-of'], '--as-of'));
    print(showJson(version), () => describeVersion(version));
    return 0;
  },
};

export const versions: Command = {
  arity: 1,
  shape: '<GUIDE|PATH>',
  async run({ args, contentDir, print }) {
    const snapshot = await loadLibrary(contentDir);
    const history = snapshot.historyById.get(findVersion(snapshot, args[0]).id)!;
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
        `${shownName(history.title)}  (id: ${shownName(history.id)})${history.retired ? '  · 사용 종료' : ''}`,
        ...data.versions.map((v) => `  ${v.validFrom ?? '…'} ~ ${v.validTo ?? '현재'}  ${shownName(v.path)}`),
      ].join('\n'),
    );
    return 0;
  },
};
