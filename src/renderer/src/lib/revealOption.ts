/**
 * Scrolls only the list (never the window or the panes) so that `option` is fully visible, and
 * lands on an option boundary so the top row is never cut in half.
 */
export function revealOption(list: HTMLElement, option: HTMLElement): void {
  const style = getComputedStyle(list);
  const padTop = parseFloat(style.paddingTop) || 0;
  const padBottom = parseFloat(style.paddingBottom) || 0;
  const view = list.clientHeight;
  const listTop = list.getBoundingClientRect().top - list.scrollTop;
  const topOf = (el: HTMLElement) => el.getBoundingClientRect().top - listTop;
  const itemTop = topOf(option);
  const itemBottom = itemTop + option.offsetHeight;
  let top = list.scrollTop;
  if (itemTop < top + padTop) top = itemTop - padTop;
  else if (itemBottom > top + view - padBottom) top = itemBottom - view + padBottom;
  // The row cut by the top edge: show it whole if the opened one still fits, otherwise hide it.
  const rows = Array.from(list.querySelectorAll<HTMLElement>('[role=option]'));
  const edge = top + padTop;
  const index = rows.findIndex((row) => topOf(row) < edge - 0.5 && topOf(row) + row.offsetHeight > edge + 0.5);
  if (index >= 0) {
    const whole = topOf(rows[index]) - padTop;
    if (itemBottom <= whole + view - padBottom) top = whole;
    else if (rows[index + 1]) top = topOf(rows[index + 1]) - padTop;
  }
  const max = list.scrollHeight - view;
  list.scrollTop = Math.max(0, Math.min(max, Math.round(top)));
}
