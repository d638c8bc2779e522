import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { documentVersions, fillPlaceholders, samples } from '@connect-policy/samples'

/** A policy of the documented examples written to a file. */
export interface SampleFile {
  readonly sampleId: string
  /**
   * `original` or `revised` as printed, `original-filled` or `revised-filled` with the
   * placeholders filled in, `corrected`, or `literal`.
   */
  readonly variant: string
  /** Relative to the folder: `<sample id>/<variant>.json`. */
  readonly path: string
  readonly text: string
}

/** Every policy text of the samples: as printed, with placeholders filled in, corrected, literal. */
export function sampleTexts(): SampleFile[] {
  return samples.flatMap((sample) => {
    const texts: [string, string][] = []
    for (const version of documentVersions) {
      const text = sample.printed[version]?.text
      if (text === undefined) continue
      texts.push(
        [version, text],
        [`${version}-filled`, fillPlaceholders(text, sample.placeholders)],
      )
    }
    if (sample.corrected !== undefined) texts.push(['corrected', sample.corrected])
    if (sample.literal !== undefined) texts.push(['literal', sample.literal.text])
    return texts.map(([variant, text]) => ({
      sampleId: sample.id,
      variant,
      path: `${sample.id}/${variant}.json`,
      text,
    }))
  })
}

/** Writes every sample policy under a new temporary folder; `remove` deletes it. */
export function writeSampleFiles(): {
  readonly root: string
  readonly files: SampleFile[]
  remove(): void
} {
  const root = mkdtempSync(join(tmpdir(), 'connect-policy-cli-'))
  const files = sampleTexts()
  for (const file of files) {
    mkdirSync(join(root, file.sampleId), { recursive: true })
    writeFileSync(join(root, file.path), file.text)
  }
  return { root, files, remove: () => rmSync(root, { recursive: true, force: true }) }
}
