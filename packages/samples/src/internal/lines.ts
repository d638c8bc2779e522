/** Joins lines with `\n`, as the page prints them: no line break after the last one. */
export function lines(...text: string[]): string {
  return text.join('\n')
}
