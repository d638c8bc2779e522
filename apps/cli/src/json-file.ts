import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from './command.ts'
import type { Io } from './io.ts'

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The JSON value of a settings file the command reads (a config, a baseline), relative paths
 * from `io.cwd`, a byte order mark allowed; undefined for a missing file that may be missing.
 * A file that cannot be read or is not JSON is a usage error naming it as `what`.
 */
export async function readJsonFile(
  io: Io,
  path: string,
  what: string,
  missingIsFine = false,
): Promise<unknown> {
  let text: string
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8')
  } catch (error) {
    if (missingIsFine) return undefined
    throw new UsageError(`cannot read the ${what} \`${path}\`: ${reason(error)}`)
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw new UsageError(`the ${what} \`${path}\` is not JSON: ${reason(error)}`)
  }
}
