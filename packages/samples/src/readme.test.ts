import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { samples } from './index.ts'
import { samplesTable } from './internal/samples-table.ts'

/** The cells of a Markdown table, without its separator row, whatever its padding. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((row) => !row.every((cell) => /^-+:?$/.test(cell)))
}

describe('README', () => {
  it('lists every sample with its counts', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const table = readme.split('<!-- samples:start -->')[1]?.split('<!-- samples:end -->')[0]
    expect(cells(table ?? '')).toEqual(cells(samplesTable(samples)))
  })
})
