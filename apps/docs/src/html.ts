const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text for HTML content and attribute values. Braces are escaped too, so that no text
 * taken from a policy can become a Vue interpolation even outside a `v-pre` block.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (char) => entities[char] ?? char)
    .replace(/[{}]/g, (brace) => (brace === '{' ? '&#123;' : '&#125;'))
}

/** Prose of the packages' data as HTML: escaped, with `backtick spans` as code. */
export function inlineHtml(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((piece) =>
      piece.length > 2 && piece.startsWith('`') && piece.endsWith('`')
        ? `<code>${escapeHtml(piece.slice(1, -1))}</code>`
        : escapeHtml(piece),
    )
    .join('')
}

/**
 * Raw HTML as one Markdown block: Markdown ends an HTML block at a blank line, and `v-pre` keeps
 * Vue from compiling what the data says.
 */
export function htmlBlock(html: string, className?: string): string {
  const body = html
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n')
  const classes = className === undefined ? '' : ` class="${className}"`
  return `<div v-pre${classes}>\n${body}\n</div>`
}

/**
 * Text for a Markdown heading. Markdown decodes entities before Vue sees the page, so text with
 * braces is wrapped in a `v-pre` span rather than escaped.
 */
export function headingText(text: string): string {
  const escaped = text
    .replace(/[&<>]/g, (char) => entities[char] ?? char)
    .replace(/[*_`[\]\\]/g, (char) => `\\${char}`)
  return /[{}]/.test(text) ? `<span v-pre>${escaped}</span>` : escaped
}

/** A fenced code block whose fence is longer than any run of backticks in the code. */
export function fence(code: string, language = 'json'): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length))
  const marks = '`'.repeat(longest + 1)
  return `${marks}${language}\n${code}\n${marks}`
}

/** A table row of cells, each already HTML. */
export function row(cells: readonly string[], tag: 'td' | 'th' = 'td', attributes = ''): string {
  return `<tr${attributes}>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`
}
