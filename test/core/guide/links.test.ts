import { describe, expect, it } from 'vitest';
import { parseZendeskArticle, resolveLinkTargets } from '../../../src/main/core/guide/links';
import { parseGuide } from '../../../src/main/core/guide/parse';
import type { GuideVersion } from '../../../src/shared/guide';

function guide(path: string, text: string): GuideVersion {
  const v = parseGuide(path, text).version;
  if (!v) throw new Error(`no version for ${path}`);
  return v;
}

const SEED_LINK =
  'https://kakaomobilitysupport.zendesk.com/hc/ko/articles/29203184881177--%EC%B1%84%ED%8C%85-%EA%B3%B5%ED%86%B5-%EB%B6%84%EC%8B%A4%EB%AC%BC-%EB%B0%9C%EC%83%9D-%ED%9C%B4%EB%8C%80%ED%8F%B0-%ED%95%B8%EB%93%9C%ED%8F%B0#h_01JDTX32AMXE1T1CWX0RH30MWR';

describe('resolveLinkTargets', () => {
  it('decodes a Zendesk article slug into title words', () => {
    expect(parseZendeskArticle(SEED_LINK)).toEqual({
      articleId: '29203184881177',
      slugWords: ['채팅', '공통', '분실물', '발생', '휴대폰', '핸드폰'],
    });
    expect(parseZendeskArticle('https://example.com/x')).toBeNull();
  });

  it('Zendesk slug → the guide whose title has the same words; relative .md; guide:<id>; zendeskId', () => {
    const lost = guide(
      'chat/[채팅 공통] 분실물 발생(휴대폰, 핸드폰).md',
      '# [채팅 공통] 분실물 발생(휴대폰, 핸드폰)\n\n본문입니다.\n',
    );
    const receipt = guide('pay/영수증 재발행.md', '---\ntitle: 영수증 재발행\nzendeskId: "555"\n---\n본문\n');
    const from = guide(
      'parking/이중결제.md',
      [
        '# 이중결제',
        '',
        `[※ 본인이 아닌 경우 상담제한](${SEED_LINK})`,
        '[분실물](../chat/%5B채팅%20공통%5D%20분실물%20발생(휴대폰,%20핸드폰).md)',
        '[영수증](guide:영수증재발행)',
        '[옛 링크](https://kakaomobilitysupport.zendesk.com/hc/ko/articles/555)',
        '[없는 글](https://kakaomobilitysupport.zendesk.com/hc/ko/articles/1--없는-가이드)',
        '[없는 id](guide:nothing)',
        '[밖으로](../../etc/passwd.md)',
        '<https://t.kakao.com/launch?page=coupon>',
      ].join('\n'),
    );
    resolveLinkTargets([lost, receipt, from]);
    expect(from.links.map((l) => l.target)).toEqual([
      lost.id,
      lost.id,
      '영수증재발행',
      '영수증재발행',
      null,
      null,
      null,
      null,
    ]);
  });

  it('the seed link stays unresolved when the pack has no such guide', () => {
    const from = guide('a.md', `# 가이드\n\n[링크](${SEED_LINK})\n`);
    resolveLinkTargets([from]);
    expect(from.links[0].target).toBeNull();
  });

  it('NFD spelling of a relative link still resolves', () => {
    const target = guide('택시 분실물.md', '# 택시 분실물\n\n본문\n');
    const from = guide('a.md', `# 가이드\n\n[링크](${encodeURI('택시 분실물.md'.normalize('NFD'))})\n`);
    resolveLinkTargets([target, from]);
    expect(from.links[0].target).toBe(target.id);
  });
});
