import { parsePolicy } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { samples } from './index.ts'
import { documentVersions } from './schema.ts'

const corrected = samples.flatMap((sample) => [
  ...(sample.corrected === undefined
    ? []
    : [[`${sample.id} (corrected)`, sample.corrected] as const]),
  ...(sample.literal === undefined
    ? []
    : [[`${sample.id} (literal)`, sample.literal.text] as const]),
])

const printed = samples.flatMap((sample) =>
  documentVersions.flatMap((version) => {
    const entry = sample.printed[version]
    return entry?.text === undefined
      ? []
      : [[`${sample.id} (${version})`, entry.text, entry.expectedDiagnostics ?? []] as const]
  }),
)

describe('parsePolicy on the samples', () => {
  it.each(corrected)('%s parses without diagnostics', (_, text) => {
    const parsed = parsePolicy(text)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.policy).toBeDefined()
  })

  it.each(printed)('%s gives exactly its expected diagnostics', (_, text, expected) => {
    const found = [...parsePolicy(text).diagnostics]
      .sort((a, b) => a.range.start.offset - b.range.start.offset)
      .map((diagnostic) => ({
        code: diagnostic.code,
        line: diagnostic.range.start.line,
        column: diagnostic.range.start.column,
      }))
    expect(found).toEqual(expected)
  })
})
