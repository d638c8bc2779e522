import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from './finding.ts'

/** The largest input written whole into a finding's file; a larger one is replayed by its index. */
const inputLimit = 256 * 1024

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)

/** The file name of a finding: what, where, from which generator, and which input. */
export function findingFileName(finding: Finding): string {
  return `${finding.kind}-${slug(finding.target)}-${slug(finding.generator)}-s${finding.seed}-i${finding.index}.json`
}

/**
 * Writes each finding as a JSON file into `directory` (made if missing), with the command that
 * replays it; returns the paths written.
 */
export function saveFindings(findings: readonly Finding[], directory: string): string[] {
  mkdirSync(directory, { recursive: true })
  const written: string[] = []
  for (const finding of findings) {
    const input = JSON.stringify(finding.input)
    const record = {
      ...finding,
      input: input.length > inputLimit ? { $omitted: input.length } : finding.input,
      replay: `pnpm --filter @connect-policy/fuzz fuzz -- --seed ${finding.seed} --replay ${finding.index}`,
    }
    const path = join(directory, findingFileName(finding))
    writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`)
    written.push(path)
  }
  return written
}
