import type { DocumentVersion } from './schema.ts'

/** Where a printing of the page comes from, and a fingerprint to check the samples against. */
export interface SourceDocument {
  readonly version: DocumentVersion
  /** The page title as this printing gives it. */
  readonly title: string
  /** The file the text was copied from. */
  readonly file: string
  /** SHA-256 of the file, hexadecimal; the samples' printed parts, in order, rebuild it. */
  readonly sha256: string
  readonly lineCount: number
  readonly description: string
}

/**
 * The two printings of the AWS page *Amazon Connect resource-level policy examples*
 * (Amazon Connect Administrator Guide) that the samples hold, byte for byte.
 */
export const sourceDocuments: Readonly<Record<DocumentVersion, SourceDocument>> = {
  original: {
    version: 'original',
    title: 'Amazon Connect resource-level policy examples',
    file: '000_d4421f6ba48ad506.txt',
    sha256: '62f8256863af3c6a9939b7dc9c00af70af2591bbeffb3fdfd3aaee83aa6d1a70',
    lineCount: 70,
    description:
      'The older printing: every policy on a single line, and more examples (AppIntegrations, Customer Profiles, Wisdom, Voice ID, outbound campaigns).',
  },
  revised: {
    version: 'revised',
    title: 'Amazon Connect resource-based policy examples',
    file: '001_b32dbcc32cfcd04c.txt',
    sha256: 'b924cdca4a4ed3f46d9ab4017584f77943b245d179f8efbea19f9f52506282bd',
    lineCount: 81,
    description:
      'The newer printing: indented policies (with trailing whitespace on some lines) and only the Amazon Connect examples.',
  },
}
