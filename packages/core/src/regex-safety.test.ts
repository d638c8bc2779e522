import { type Dirent, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkSync } from 'recheck'
import { analyse } from 'scslre'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * No regular expression of the repository's source takes time more than linear in its input:
 * every regex literal and `RegExp(...)` of `packages/*\/src` and `apps/*\/src` (tests and test
 * helpers, the `testing/` folders, left out) is read with TypeScript's parser and checked twice.
 *
 * - scslre (MIT) finds backtracking whose attack repeats one character, such as `\d+\.?\d*` on
 *   digits followed by a letter, in a few milliseconds for all of them, deterministically.
 * - recheck (MIT), with its automaton checker (a proof, the same on any machine), also finds
 *   attacks that repeat several characters, and the quadratic search a global or unanchored
 *   expression makes by starting again at every position: the `/\$\{[^}]*\}/g` of `${`
 *   repeated, which scslre does not see (its self-check below). Expressions with lookaround or
 *   back-references, which that checker does not read, are scslre's alone.
 *
 * An expression either finds nothing super-linear, or is listed in `allowed` with its reason.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/**
 * Expressions the checkers flag that stay for a stated reason: only where the input is bounded
 * whatever the user sends, or, for a package's test harness, until its owner replaces it (the
 * last test fails once an entry no longer matches the source, so that the list cannot go stale).
 */
const allowed: readonly {
  readonly file: string
  readonly source: string
  readonly reason: string
}[] = []

interface FoundRegex {
  readonly file: string
  readonly line: number
  readonly source: string
  readonly flags: string
}

/** Every `.ts` file of a folder, tests and `testing/` folders left out. */
function sourceFiles(folder: string): string[] {
  let entries: Dirent[]
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      return entry.name === 'testing' || entry.name === 'node_modules' ? [] : sourceFiles(path)
    }
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

function repositorySources(): string[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => sourceFiles(join(root, group, entry.name, 'src'))),
  )
}

/** The text of a string literal or a template without substitutions, else undefined. */
function literalText(node: ts.Node | undefined): string | undefined {
  return node !== undefined &&
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined
}

/** The regular expressions a source text writes, and the `RegExp(...)` calls it builds from values. */
function regexesOf(
  file: string,
  text: string,
): { found: FoundRegex[]; dynamic: { file: string; line: number }[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: FoundRegex[] = []
  const dynamic: { file: string; line: number }[] = []
  const lineOf = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source)
      const end = literal.lastIndexOf('/')
      found.push({
        file,
        line: lineOf(node),
        source: literal.slice(1, end),
        flags: literal.slice(end + 1),
      })
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? []
      const patternText = literalText(pattern)
      const flagsText = flags === undefined ? '' : literalText(flags)
      if (patternText === undefined || flagsText === undefined) {
        dynamic.push({ file, line: lineOf(node) })
      } else {
        found.push({ file, line: lineOf(node), source: patternText, flags: flagsText })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { found, dynamic }
}

/** What each checker finds super-linear in an expression, in words; empty when nothing. */
function superLinear(source: string, flags: string): string[] {
  const problems: string[] = []
  for (const report of analyse({ source, flags }).reports) {
    problems.push(
      `scslre: ${report.exponential ? 'exponential' : 'polynomial'} (${report.type}) on \`${report.character.pick}\` repeated`,
    )
  }
  // the automaton checker only, without a time limit: its answer is a proof and the same on a
  // busy machine, where the fuzzing checker's depends on timings (it once called the linear
  // expression of apps/api/src/openapi/reference-page.ts quadratic under load). Expressions it
  // cannot read (lookaround, back-references) are scslre's alone.
  const checked = checkSync(source, flags, { checker: 'automaton', timeout: null })
  if (checked.status === 'vulnerable') {
    problems.push(`recheck: ${checked.complexity.summary} on ${checked.attack.pattern}`)
  } else if (checked.status !== 'safe' && checked.error.kind !== 'unsupported') {
    problems.push(`recheck: ${checked.status} (${checked.error.kind})`)
  }
  return problems
}

describe('regular expressions of the source', () => {
  const files = repositorySources()
  const read = files.map((file) => regexesOf(relative(root, file), readFileSync(file, 'utf8')))
  const regexes = read.flatMap((entry) => entry.found)

  it('are found: every source file of every package and app is read', () => {
    expect(files.some((file) => file.includes(join('packages', 'core', 'src')))).toBe(true)
    expect(files.some((file) => file.includes(join('apps', 'cli', 'src')))).toBe(true)
    expect(regexes.length).toBeGreaterThan(50)
  })

  it('are never built from values, so that each can be checked here', () => {
    expect(read.flatMap((entry) => entry.dynamic)).toEqual([])
  })

  it('take time linear in their input, or read only bounded input', { timeout: 300_000 }, () => {
    const flagged = regexes.flatMap((regex) => {
      if (allowed.some((entry) => entry.file === regex.file && entry.source === regex.source)) {
        return []
      }
      const problems = superLinear(regex.source, regex.flags)
      return problems.length === 0
        ? []
        : [`${regex.file}:${regex.line} /${regex.source}/${regex.flags}: ${problems.join('; ')}`]
    })
    expect(flagged).toEqual([])
  })

  it('allows a flagged expression only while the source still has it', () => {
    for (const entry of allowed) {
      expect(
        regexes.some((regex) => regex.file === entry.file && regex.source === entry.source),
      ).toBe(true)
    }
  })
})

describe('the checks themselves', () => {
  it('flag exponential backtracking, with both checkers', () => {
    expect(analyse({ source: '^(a+)+$', flags: '' }).reports.some((r) => r.exponential)).toBe(true)
    expect(superLinear('^(a+)+$', '').filter((problem) => problem.startsWith('recheck'))).toEqual([
      expect.stringContaining('exponential'),
    ])
  })

  it('flag the number shape that backtracked over digits', () => {
    const problems = superLinear('^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$', '')
    expect(problems.some((problem) => problem.startsWith('scslre'))).toBe(true)
    expect(superLinear('^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$', '')).toEqual([])
  })

  it('flag a search that starts again at every `${`, which only recheck sees', () => {
    const problems = superLinear('\\$\\{[^}]*\\}', 'g')
    expect(problems).toEqual([expect.stringMatching(/^recheck: .*polynomial/)])
  })

  it('read literals and RegExp calls, and report RegExp calls built from values', () => {
    const { found, dynamic } = regexesOf(
      'example.ts',
      "const a = /x+y/gi\nconst b = new RegExp('^a$', 'u')\nconst c = RegExp(`b`)\nconst d = new RegExp(text)\n",
    )
    expect(found.map(({ source, flags, line }) => [source, flags, line])).toEqual([
      ['x+y', 'gi', 1],
      ['^a$', 'u', 2],
      ['b', '', 3],
    ])
    expect(dynamic).toEqual([{ file: 'example.ts', line: 4 }])
  })
})
