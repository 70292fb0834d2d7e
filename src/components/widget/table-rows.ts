/** Filling a widget's Data table from plain strings (textContent only: nothing can inject markup). */

function fillRow(row: HTMLTableRowElement, cells: readonly string[]): void {
  while (row.cells.length > cells.length) row.deleteCell(-1);
  cells.forEach((text, i) => {
    let cell = row.cells[i];
    if (cell?.tagName !== 'TD') {
      const td = document.createElement('td');
      if (cell) cell.replaceWith(td);
      else row.appendChild(td);
      cell = td;
    }
    if (cell.textContent !== text) cell.textContent = text;
  });
}

/**
 * Makes `body` (a `<tbody>`) hold one `<tr>` per entry of `rows`, one `<td>` per string. Rows and
 * cells that exist are reused and only changed text is written: tables that follow a training run
 * are refilled on every frame.
 */
export function fillRows(body: HTMLElement, rows: readonly (readonly string[])[]): void {
  const existing = body.children;
  while (existing.length > rows.length) existing[existing.length - 1]!.remove();
  rows.forEach((cells, i) => {
    const row =
      existing[i] instanceof HTMLTableRowElement ? existing[i] : body.appendChild(document.createElement('tr'));
    fillRow(row, cells);
  });
}
