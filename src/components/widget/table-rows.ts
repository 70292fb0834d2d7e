/** Filling a widget's Data table from plain strings (textContent only: nothing can inject markup). */

/** Replaces the rows of `body` (a `<tbody>`) with one `<tr>` per entry of `rows`, one `<td>` per string. */
export function fillRows(body: HTMLElement, rows: readonly (readonly string[])[]): void {
  body.replaceChildren(
    ...rows.map((cells) => {
      const row = document.createElement('tr');
      for (const text of cells) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
}
