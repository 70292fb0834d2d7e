/**
 * Where in the editor a parse error is: the inverse of the parsers' positionAt. Apart from view.ts
 * so the page-load part of the widget can place the caret without loading the views.
 */
/** Character offset in `text` of 1-based `line` and `column` (clamped to the text): where the editor's caret goes for an error. */
export function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return text.length;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return Math.min(start + Math.max(0, column - 1), end === -1 ? text.length : end);
}
