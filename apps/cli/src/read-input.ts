import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from './command.ts'
import { type Io, readAll } from './io.ts'

/** A text the command was given, with the name to show for it. */
export interface InputText {
  /** The path as the user wrote it, or the name given to standard input. */
  readonly name: string
  readonly text: string
}

/** The name standard input is shown under unless the command is told another. */
export const stdinName = '<stdin>'

/** Why a path cannot be read, in one line. */
export function readProblem(path: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  switch (code) {
    case 'ENOENT':
      return `cannot read \`${path}\`: no such file`
    case 'EISDIR':
      return `cannot read \`${path}\`: it is a folder`
    case 'EACCES':
    case 'EPERM':
      return `cannot read \`${path}\`: permission denied`
    default:
      return `cannot read \`${path}\`: ${error instanceof Error ? error.message : String(error)}`
  }
}

/**
 * Reads every path, `-` meaning standard input (at most once), relative paths from `io.cwd`.
 * Every path that cannot be read is reported at once, so that a CI log shows all of them.
 */
export async function readInputs(
  paths: readonly string[],
  io: Io,
  nameOfStdin: string = stdinName,
): Promise<InputText[]> {
  if (paths.filter((path) => path === '-').length > 1) {
    throw new UsageError('standard input (`-`) can be read only once')
  }
  const problems: string[] = []
  const inputs: InputText[] = []
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ name: nameOfStdin, text: await readAll(io.stdin) })
      continue
    }
    try {
      inputs.push({ name: path, text: await readFile(resolve(io.cwd, path), 'utf8') })
    } catch (error) {
      problems.push(readProblem(path, error))
    }
  }
  const [first, ...rest] = problems
  if (first !== undefined) throw new UsageError(first, ...rest)
  return inputs
}
