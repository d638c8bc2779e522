import { escapeControls } from './quote.ts'
import type { Style } from './style.ts'

/**
 * Rows under a header, each column as wide as its widest cell; the last column is not padded,
 * so that a long description does not push trailing spaces into the output.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: Style,
): string[] {
  const cells = rows.map((row) => row.map(escapeControls))
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => [...(row[column] ?? '')].length)),
  )
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === row.length - 1
          ? cell
          : cell.padEnd((widths[column] ?? 0) + [...cell].length - cell.length),
      )
      .join('  ')
      .trimEnd()
  return [style.dim(line(header)), ...cells.map((row) => `${line(row)}`)].map((text) => `  ${text}`)
}
