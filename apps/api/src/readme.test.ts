import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultConfig, envVariables, readConfig } from './env.ts'
import { apiOperations } from './openapi/operations.ts'
import { problemTypes } from './problem/problem-types.ts'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The rows of the Markdown table whose header starts with `firstColumn`, cells trimmed. */
function table(firstColumn: string): string[][] {
  const lines = readme.split('\n')
  const start = lines.findIndex((line) => line.startsWith(`| ${firstColumn} `))
  expect(start, `a table starting with \`${firstColumn}\``).toBeGreaterThanOrEqual(0)
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
  }
  return rows
}

const unquote = (cell: string) => cell.replaceAll('`', '')

describe('README', () => {
  it('documents every environment variable with its default', () => {
    const rows = table('variable')
    expect(rows.map(([name]) => unquote(name ?? ''))).toEqual(envVariables)
    for (const [name, fallback] of rows) {
      const value = unquote(fallback ?? '')
      // a default in parentheses is said in words (`(none)`, or one computed on the machine)
      const given = /^\(.*\)$/.test(value) ? {} : { [unquote(name ?? '')]: value }
      expect(readConfig(given).config, `${name} = ${value}`).toEqual(defaultConfig())
    }
  })

  it('lists every endpoint', () => {
    const rows = table('method').map(([method, path]) => `${method} ${unquote(path ?? '')}`)
    const operations = apiOperations(defaultConfig().limits).map(
      (operation) => `${operation.method.toUpperCase()} ${operation.path}`,
    )
    expect(rows.sort()).toEqual(operations.sort())
  })

  it('lists every problem type with its status', () => {
    const rows = table('type').map(([type, status]) => [unquote(type ?? ''), Number(status)])
    expect(rows).toEqual(Object.entries(problemTypes).map(([type, info]) => [type, info.status]))
  })
})
