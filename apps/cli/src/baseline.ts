import { z } from 'zod'
import { UsageError } from './command.ts'
import type { Io } from './io.ts'
import { readJsonFile } from './json-file.ts'

/** The file `connect-policy baseline` writes unless told another. */
export const baselineFileName = 'connect-policy.baseline.json'

const baselineSchema = z
  .object({
    version: z.literal(1),
    findings: z.array(
      z.object({
        file: z.string(),
        fingerprint: z.string(),
        code: z.string(),
        policy: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
  })
  .strict()
export type Baseline = z.infer<typeof baselineSchema>

/** One finding as a baseline records it: matched by file and fingerprint, the rest for people. */
export interface BaselineEntry {
  readonly file: string
  readonly fingerprint: string
  readonly code: string
  readonly policy?: string
  readonly message?: string
}

/** A baseline of today's findings, sorted so that the file diffs well. */
export function createBaseline(entries: readonly BaselineEntry[]): Baseline {
  const findings = [...entries].sort((a, b) =>
    a.file === b.file ? (a.fingerprint < b.fingerprint ? -1 : 1) : a.file < b.file ? -1 : 1,
  )
  return { version: 1, findings: findings.map((entry) => ({ ...entry })) }
}

/** Reads a baseline file; what is not one is a usage error saying why. */
export async function readBaseline(io: Io, path: string): Promise<ReadonlySet<string>> {
  const value = await readJsonFile(io, path, 'baseline')
  const parsed = baselineSchema.safeParse(value)
  if (!parsed.success) {
    throw new UsageError(
      `\`${path}\` is not a baseline written by \`connect-policy baseline\`: ${parsed.error.issues[0]?.message ?? ''}`,
    )
  }
  return new Set(parsed.data.findings.map((entry) => baselineKey(entry.file, entry.fingerprint)))
}

/** How a finding is matched against a baseline. */
export function baselineKey(file: string, fingerprint: string): string {
  return `${file}\u0000${fingerprint}`
}
