import { findingSeverities, policyTypeNames, unknownFindingCode } from '@connect-policy/core'
import picomatch from 'picomatch'
import { z } from 'zod'
import { UsageError } from './command.ts'
import type { Io } from './io.ts'
import { readJsonFile } from './json-file.ts'

/** The file a run reads its settings from when `--config` names none and it exists. */
export const configFileName = 'connect-policy.config.json'

const suppression = z
  .object({
    codes: z.array(z.string().min(1)).min(1).describe('finding codes to suppress, or `all`'),
    paths: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'globs of the files it applies to (relative to the config file); every file if left out',
      ),
    reason: z.string().optional().describe('why, for the people who read the config'),
  })
  .strict()

/** The settings of `connect-policy.config.json`. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    include: z
      .array(z.string().min(1))
      .optional()
      .describe('globs of the files a folder is searched for'),
    exclude: z
      .array(z.string().min(1))
      .optional()
      .describe('globs of files and folders never read'),
    failOn: z
      .enum(findingSeverities)
      .optional()
      .describe('the gravest severity that still passes is the one below this'),
    policyType: z.enum(policyTypeNames as unknown as [string, ...string[]]).optional(),
    baseline: z
      .string()
      .min(1)
      .optional()
      .describe('the baseline file whose findings are not reported again'),
    parameters: z
      .record(z.string(), z.string())
      .optional()
      .describe('values of template parameters'),
    suppress: z.array(suppression).optional(),
  })
  .strict()
export type Config = z.infer<typeof configSchema>

/** A config's suppression, ready to ask. */
export interface PathSuppression {
  readonly codes: readonly string[]
  readonly applies: (file: string) => boolean
}

/**
 * Reads the config file `--config` names, or `connect-policy.config.json` in the folder the
 * command runs in if there is one. A file that does not fit the schema, or names a finding code
 * that does not exist, is a usage error listing every mistake with its place.
 */
export async function readConfig(io: Io, named: string | undefined): Promise<Config> {
  const shown = named ?? configFileName
  const value = await readJsonFile(io, shown, 'config file', named === undefined)
  if (value === undefined) return {}
  const parsed = configSchema.safeParse(value)
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues.map(
      (issue) =>
        `\`${shown}\`${issue.path.length === 0 ? '' : ` at \`${issue.path.join('.')}\``}: ${issue.message}`,
    )
    throw new UsageError(first as string, ...rest)
  }
  const unknown = (parsed.data.suppress ?? []).flatMap((entry, index) =>
    entry.codes.flatMap((code) => {
      const problem = code === 'all' ? undefined : unknownFindingCode(code)
      return problem === undefined
        ? []
        : [`\`${shown}\` at \`suppress.${index}.codes\`: ${problem}`]
    }),
  )
  const [first, ...rest] = unknown
  if (first !== undefined) throw new UsageError(first, ...rest)
  return parsed.data
}

/** The config's suppressions with their globs compiled. */
export function pathSuppressions(config: Config): PathSuppression[] {
  return (config.suppress ?? []).map((entry) => {
    const matches = entry.paths === undefined ? () => true : picomatch(entry.paths, { dot: true })
    return { codes: entry.codes, applies: (file: string) => matches(file) }
  })
}

/** Whether a config suppression covers a finding of `code` in `file`. */
export function suppressedByConfig(
  suppressions: readonly PathSuppression[],
  file: string,
  code: string,
): boolean {
  return suppressions.some(
    (entry) => (entry.codes.includes(code) || entry.codes.includes('all')) && entry.applies(file),
  )
}
