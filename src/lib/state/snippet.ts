/**
 * What the Share/Embed control copies: a link to the current state, and an iframe snippet.
 */

/** Escapes text for a double-quoted HTML attribute or element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Joins a path and a query string ('' or 'a=1' or '?a=1'), with an optional #fragment. */
export function withQuery(path: string, query: string, fragment = ''): string {
  const q = query.replace(/^\?/, '');
  return `${path}${q ? `?${q}` : ''}${fragment ? `#${fragment}` : ''}`;
}

export interface IframeOptions {
  /** Absolute URL of the embed page, query included. */
  readonly src: string;
  /** The iframe's accessible title. */
  readonly title: string;
  /** Height in CSS pixels (the embed script resizes it to fit when used). */
  readonly height: number;
}

/**
 * The iframe to paste: titled, full width, lazily loaded, allowed only what the widgets use
 * (fullscreen for the diagrams; clipboard-write for the widget's own copy buttons).
 */
export function iframeSnippet({ src, title, height }: IframeOptions): string {
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${Math.round(height)}" ` +
    `loading="lazy" style="border:0" allow="fullscreen; clipboard-write" ` +
    `referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}
