/**
 * Tables on Chinese news and forum pages are mostly layout: a post in a <td>, a
 * page in nested tables. A data table (figures, schedules, lists of names) is a
 * grid of short cells, and is worth keeping as a table.
 */
const MAX_CELL_TEXT = 200;

export function isDataTable(table: Element): boolean {
  if (table.querySelector('table')) return false; // layout nests tables
  const rows = [...table.querySelectorAll('tr')];
  if (rows.length < 2) return false;
  const widths = rows.map((r) => r.querySelectorAll('td, th').length);
  if (Math.max(...widths) < 2) return false;
  for (const cell of table.querySelectorAll('td, th')) {
    if (cell.querySelector('p, div, img, ul, ol, blockquote, h1, h2, h3, h4, h5, h6')) return false;
    if ((cell.textContent ?? '').trim().length > MAX_CELL_TEXT) return false;
  }
  return true;
}
