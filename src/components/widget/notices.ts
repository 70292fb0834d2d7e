/**
 * Shows notices (ignored URL parameters and the like) as a list, as plain text: a notice quotes
 * what the reader typed, so it must never be parsed as markup.
 */
export function showNotices(list: HTMLElement, notices: readonly string[]): void {
  const existing = new Set([...list.children].map((li) => li.textContent));
  for (const notice of notices) {
    if (existing.has(notice)) continue;
    const item = document.createElement('li');
    item.textContent = notice;
    list.append(item);
  }
}
