import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sourceDocuments } from './documents.ts'
import { samples } from './index.ts'
import { printedDocument } from './printed-document.ts'
import { documentVersions } from './schema.ts'

describe('printedDocument', () => {
  it.each(documentVersions)('rebuilds the %s printing byte for byte', (version) => {
    const text = printedDocument(samples, version)
    const source = sourceDocuments[version]
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(source.sha256)
    expect(text.split('\n')).toHaveLength(source.lineCount)
    expect(text.split('\n')[0]).toBe(source.title)
  })
})
