/**
 * What each file problem means, in the words a content team reads. The core's message (English,
 * with the specifics: which link, which date, which line) is shown beside it as the detail.
 */
const PROBLEM_SUMMARIES: Readonly<Record<string, string>> = {
  'binary-file': '가이드 문서가 아닌 파일입니다(이미지·압축 파일 등). 콘텐츠 폴더에서 빼 주세요.',
  'empty-file': '내용이 없는 빈 파일입니다.',
  'too-large': '파일이 너무 커서 읽지 않았습니다.',
  unreadable: '파일을 열 수 없습니다. 권한이나 파일 상태를 확인해 주세요.',
  'encoding-invalid': '글자 인코딩을 알 수 없어 읽지 못했습니다. UTF-8로 저장해 주세요.',
  'encoding-cp949': 'CP949(한국어 Windows) 인코딩으로 읽었습니다. UTF-8로 다시 저장하기를 권합니다.',
  'encoding-utf16-no-bom': 'BOM 없는 UTF-16으로 추정해 읽었습니다. UTF-8로 다시 저장하기를 권합니다.',
  'duplicate-path': '같은 이름의 파일이 두 개 있습니다(한글 자모 조합 방식만 다름). 하나만 남겨 주세요.',
  'duplicate-current': '같은 가이드의 현재 버전이 두 개입니다. 하나는 (보관-YY.M.D) 접두어로 보관해 주세요.',
  'broken-link': '폴더에 없는 가이드를 가리키는 링크가 있습니다.',
  'expired-date': '현재 버전에 이미 지난 기한이 적혀 있습니다.',
  'frontmatter-code': '실행 코드가 든 머리말(---js)은 읽지 않고 본문만 읽었습니다. YAML 머리말만 쓸 수 있습니다.',
  'outside-content': '콘텐츠 폴더 밖을 가리키는 바로가기(링크)라서 읽지 않았습니다. 가이드를 폴더 안에 복사해 주세요.',
  'walk-limit': '콘텐츠 폴더가 너무 크거나 깊어서 일부를 읽지 않았습니다. 폴더에는 가이드만 두세요.',
  'name-not-utf8': '파일 이름의 글자 인코딩이 UTF-8이 아닙니다. 내용은 읽었지만 이름을 다시 지어 주세요.',
  'unsafe-link': '열면 위험한 주소(javascript:, file: 등)의 링크가 있어 글자로만 보여 줍니다.',
  'deceptive-link': '보이는 글자와 실제 주소가 다른 링크가 있어 열지 않습니다.',
  'refused-link': '이 컴퓨터(localhost)나 계정 정보가 든 주소로 가는 링크가 있어 열지 않습니다.',
  'raw-html': '정책이나 스크립트에 HTML 태그가 그대로 들어 있습니다. 고객에게 그대로 복사되니 지워 주세요.',
  'frontmatter-invalid': '머리말(YAML)을 읽을 수 없습니다.',
  'frontmatter-unclosed': '머리말이 --- 줄로 닫히지 않았습니다.',
  'frontmatter-date': '머리말의 날짜를 읽을 수 없습니다(YYYY-MM-DD로 적어 주세요).',
  'script-unclosed': ':::script 블록이 ::: 줄로 닫히지 않았습니다.',
  'no-title': '제목을 찾지 못했습니다.',
  'no-category': '상담 유형을 찾지 못했습니다.',
  'no-scripts': '스크립트 단계를 찾지 못했습니다.',
  'no-content': '가이드 내용을 찾지 못했습니다.',
  'parse-failed': '가이드를 해석하지 못했습니다.',
  'table-too-wide': '표의 열이 너무 많아 일부만 표시합니다.',
  'render-truncated': '문서가 너무 길어 원문의 일부만 표시합니다.',
  'render-failed': '원문을 표시하지 못했습니다.',
};

export function problemSummary(code: string): string | null {
  return PROBLEM_SUMMARIES[code] ?? null;
}
