import { escapeControls } from './quote.ts'
import type { Paint, Style } from './style.ts'

/** A cell painted as a whole, for text whose colour says something (a decision, a verdict). */
export interface PaintedCell {
  readonly text: string
  readonly paint: Paint
}

/** A table cell: plain text, or text painted as a whole. */
export type Cell = string | PaintedCell

const unpainted: Paint = (text) => text

/**
 * Rows under a header, each column as wide as its widest cell; the last column is not padded,
 * so that a long description does not push trailing spaces into the output. A painted cell is
 * measured by its text and padded outside its colour.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  style: Style,
): string[] {
  const cells = rows.map((row) =>
    row.map((cell) =>
      typeof cell === 'string'
        ? { text: escapeControls(cell), paint: unpainted }
        : { text: escapeControls(cell.text), paint: cell.paint },
    ),
  )
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => [...(row[column]?.text ?? '')].length)),
  )
  const line = (row: readonly PaintedCell[]) =>
    row
      .map(({ text, paint }, column) => {
        const padding = column === row.length - 1 ? 0 : (widths[column] ?? 0) - [...text].length
        return `${paint(text)}${' '.repeat(padding)}`
      })
      .join('  ')
      .trimEnd()
  const titles = header.map((text) => ({ text, paint: unpainted }))
  return [style.dim(line(titles)), ...cells.map(line)].map((text) => `  ${text}`)
}
