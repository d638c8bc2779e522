import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SourceRange } from '@connect-policy/core'

/** The package's folder of test files: files as people keep them, each with its README. */
export const testFilesFolder = fileURLToPath(new URL('../../test-files/', import.meta.url))

/** A test file's text, exactly as its bytes decode (a byte order mark and CRLF kept). */
export function testFile(path: string): string {
  return readFileSync(join(testFilesFolder, path), 'utf8')
}

/** Every test file, by its path under `test-files/`, the READMEs and the folder's settings left out. */
export function allTestFiles(): { readonly path: string; readonly text: string }[] {
  const found: { path: string; text: string }[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name !== 'README.md' && entry.name !== 'biome.json')
        found.push({ path: relative(testFilesFolder, path), text: readFileSync(path, 'utf8') })
    }
  }
  walk(testFilesFolder)
  return found.sort((a, b) => a.path.localeCompare(b.path))
}

/** The text without a leading byte order mark: what every range of `readSource` is in. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Where each line starts, counted here and not by the package's position map: a line ends at
 * `\n`, at `\r\n` or at a lone `\r`, as editors count them.
 */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '\n') starts.push(at + 1)
    else if (text[at] === '\r' && text[at + 1] !== '\n') starts.push(at + 1)
  }
  return starts
}

/** The lines of a text, without their ends. */
export function linesOf(text: string): string[] {
  const starts = lineStarts(text)
  return starts.map((start, index) => {
    const next = starts[index + 1]
    let end = next === undefined ? text.length : next - 1
    if (next !== undefined && text[end] === '\n' && text[end - 1] === '\r') end--
    return text.slice(start, end)
  })
}

/** The 1-based line and column of an offset, by a linear scan of the line starts. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text)
  let line = 0
  while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++
  return { line: line + 1, column: offset - (starts[line] as number) + 1 }
}

/** The text a range covers. */
export function covered(text: string, range: SourceRange): string {
  return text.slice(range.start.offset, range.end.offset)
}

/** A row of a README's table of deliberate problems: the file, the 1-based line, the exact text. */
export interface ReadmeRow {
  readonly file: string
  readonly line: number
  readonly text: string
}

/** The rows of the table of deliberate problems in a folder's README (text between backticks). */
export function readmeRows(folder: string): ReadmeRow[] {
  return testFile(join(folder, 'README.md'))
    .split('\n')
    .flatMap((row) => {
      const cells = row
        .trim()
        .split(' | ')
        .map((cell) => cell.trim())
      const [file = '', line = '', quoted = ''] = cells
      const number = Number(line)
      if (!file.startsWith('| ') || !Number.isInteger(number) || number < 1) return []
      if (!quoted.startsWith('`') || !quoted.endsWith('`')) return []
      return [{ file: join(folder, file.slice(2)), line: number, text: quoted.slice(1, -1) }]
    })
}
