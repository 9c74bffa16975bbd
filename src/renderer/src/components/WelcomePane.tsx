/** What the right side shows before any guide is opened: how to find one, and the keys. */
export function WelcomePane() {
  return (
    <section className="welcome" data-testid="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">가이드를 찾아 여세요</h2>
      <ul className="keys">
        <li>
          <kbd>Ctrl</kbd>+<kbd>K</kbd> 또는 <kbd>/</kbd> 검색창으로 이동
        </li>
        <li>
          <kbd>↑</kbd>
          <kbd>↓</kbd> 결과 이동, <kbd>Enter</kbd> 열기, <kbd>Esc</kbd> 검색어 지우기
        </li>
        <li>
          <kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>9</kbd> 열린 가이드의 스크립트 ①…⑨ 복사
        </li>
      </ul>
    </section>
  );
}
