// Plain-text tables: columns padded to their widest cell, one column allowed to shrink
// (with an ellipsis) so rows fit the terminal.
import { escapeControls } from './escape-controls';

export interface Column {
  header: string;
  /** The column that gives up width when the row is too wide. */
  flexible?: boolean;
}

/**
 * Renders rows under headers, each line at most `width` characters when possible. Cells are
 * made one line, with their controls escaped.
 */
export function renderTable(columns: Column[], cells: string[][], width = 100): string {
  const rows = cells.map((r) => r.map((cell) => escapeControls(cell.replace(/\s+/g, ' '))));
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => displayLength(r[i] ?? ''))),
  );
  const gap = 2;
  const total = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flexible);
  if (flex >= 0 && total > width) {
    widths[flex] = Math.max(columns[flex]!.header.length, 12, widths[flex]! - (total - width));
  }
  const line = (row: string[]): string =>
    row
      .map((cell, i) => fit(cell, widths[i]!, i === row.length - 1))
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n');
}

function fit(cell: string, width: number, last: boolean): string {
  const cut = displayLength(cell) > width ? [...cell].slice(0, width - 1).join('') + '…' : cell;
  return last ? cut : cut + ' '.repeat(Math.max(0, width - displayLength(cut)));
}

/** Length in code points, which is close enough to terminal columns for titles. */
const displayLength = (text: string): number => [...text].length;
