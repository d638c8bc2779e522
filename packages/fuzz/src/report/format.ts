/** A count with thousands separators. */
export const count = (value: number): string => Math.round(value).toLocaleString('en-US')

/** A duration in ms, to three significant figures. */
export function milliseconds(ms: number): string {
  if (ms >= 100) return `${count(ms)} ms`
  if (ms >= 10) return `${ms.toFixed(1)} ms`
  if (ms >= 1) return `${ms.toFixed(2)} ms`
  if (ms >= 0.001) return `${(ms * 1000).toFixed(ms >= 0.1 ? 0 : 1)} µs`
  return '< 1 µs'
}

/** A Markdown table, columns padded so that it reads as text too. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): string {
  const widths = header.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (right.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(' | ')} |`
  const rule = `| ${widths.map((width, column) => (right.includes(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/** Text for a table cell: pipes escaped, line breaks flattened, cut at `max` characters. */
export function cell(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').replaceAll('|', '\\|')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
