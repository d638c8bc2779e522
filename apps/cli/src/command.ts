import { type ParseArgsConfig, parseArgs } from 'node:util'
import { didYouMean } from '@connect-policy/core'
import { exitCodes } from './exit-codes.ts'
import type { Io } from './io.ts'

/**
 * A problem with how a command was called or with what it was given to read. The command stops,
 * the message goes to standard error, and the exit code is 2: nothing was checked.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  /** Every problem found, when there are several (files that cannot be read). */
  readonly problems: readonly string[]

  constructor(...problems: [string, ...string[]]) {
    super(problems.join('; '))
    this.problems = problems
  }
}

/** A command: its arguments after the command name, its streams; the exit code. */
export type Command = (args: readonly string[], io: Io) => Promise<number>

/** Whether the arguments ask for help before any `--` that ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false
    if (arg === '--help' || arg === '-h') return true
  }
  return false
}

/**
 * A command that prints its help for `--help` or `-h`, and turns a `UsageError` into a message
 * on standard error and exit code 2, so that tests and the binary see the same behaviour.
 */
export function defineCommand(help: string, run: Command): Command {
  return async (args, io) => {
    if (asksForHelp(args)) {
      io.stdout.write(help)
      return exitCodes.success
    }
    try {
      return await run(args, io)
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      for (const problem of error.problems) io.stderr.write(`error: ${problem}\n`)
      return exitCodes.usage
    }
  }
}

function quoted(message: string): string | undefined {
  return /'([^']+)'/.exec(message)?.[1]
}

/** Node's own parse errors, reworded as lowercase messages with the user's input in backticks. */
function usageMessage(error: unknown): string | undefined {
  if (!(error instanceof TypeError) || !('code' in error)) return undefined
  const name = quoted(error.message) ?? ''
  const option = name.replace(/^-\w, /, '').replace(/ <value>$/, '')
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option \`${option}\``
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument \`${name}\``
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (error.message.includes('does not take an argument')) {
        return `option \`${option}\` takes no value`
      }
      if (error.message.includes('ambiguous')) {
        return `option \`${option}\` needs a value; write \`${option}=<value>\` for a value that starts with \`-\``
      }
      return `option \`${option}\` needs a value`
    default:
      return undefined
  }
}

/**
 * `util.parseArgs` in strict mode, with its errors as `UsageError`s. Options that may repeat are
 * declared `multiple` in `options`.
 */
type OptionsConfig = NonNullable<ParseArgsConfig['options']>
interface StrictConfig<O extends OptionsConfig> {
  args: string[]
  options: O
  allowPositionals: boolean
  strict: true
}

export function parseArguments<const O extends OptionsConfig>(
  args: readonly string[],
  options: O,
  allowPositionals: boolean,
): ReturnType<typeof parseArgs<StrictConfig<O>>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true })
  } catch (error) {
    const message = usageMessage(error)
    if (message === undefined) throw error
    throw new UsageError(message)
  }
}

/** The value of an option restricted to a closed list, or its default when not given. */
export function oneOf<const T extends string>(
  option: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `\`--${option}\` must be one of ${choices.join(', ')}, not \`${value}\`${didYouMean(value, choices)}`,
  )
}

/** The values of an option that may repeat and also takes comma-separated lists. */
export function commaList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
}
