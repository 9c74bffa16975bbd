/** True for text shaped like YYYY-MM-DD (what a date input gives once complete). */
export function looksLikeIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}
