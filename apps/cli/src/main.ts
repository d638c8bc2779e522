import { didYouMean } from '@connect-policy/core'
import type { Command } from './command.ts'
import { audit } from './commands/audit.ts'
import { baseline } from './commands/baseline.ts'
import { catalog } from './commands/catalog.ts'
import { checkNotGranted } from './commands/check-not-granted.ts'
import { compare } from './commands/compare.ts'
import { evaluate } from './commands/evaluate.ts'
import { principals } from './commands/principals.ts'
import { samples } from './commands/samples.ts'
import { summarize } from './commands/summarize.ts'
import { validate } from './commands/validate.ts'
import { exitCodes } from './exit-codes.ts'
import type { Io } from './io.ts'
import { version } from './version.ts'

const commands: Readonly<Record<string, Command>> = {
  validate,
  evaluate,
  compare,
  'check-not-granted': checkNotGranted,
  summarize,
  audit,
  principals,
  baseline,
  samples,
  catalog,
}

export const mainHelp = `Usage: connect-policy <command> [options]

Checks AWS IAM policies written for Amazon Connect before they ship, offline.

Commands:
  validate <file|folder...|-> report every problem of every policy in policy files, templates,
                              Terraform plans and account exports, with line, column and fix
  baseline <file|folder...>   record today's findings, so that validate reports only new ones
  evaluate --policy <file>... decide a request against policies as AWS does, and explain why
  compare <before> <after>    how two policy sets relate over every request, with witnesses
  check-not-granted --policy <file>... --action <pattern>...
                              prove actions are never granted, or show requests that are
  summarize <file...>         what a policy set allows, by service, access level and resource
  audit <file...>             the Amazon Connect checks (administrator paths, data, isolation,
                              destruction, toll fraud), each finding with a request
  principals <export...>      an account's users, groups and roles: who can make a request
                              (--action), and each one's audit (--audit)
  samples list|show|check     the documented Amazon Connect examples, checked and evaluated
  catalog <service|pattern>   actions, resource types and condition keys of the service reference

Options:
  -h, --help                  show help; \`connect-policy <command> --help\` for a command's
  -V, --version               show the version

Examples:
  connect-policy validate policy.json
  connect-policy evaluate --policy policy.json --action connect:DescribeUser \\
    --resource arn:aws:connect:us-east-1:123456789012:instance/abc/agent/def --explain
  connect-policy compare main/agent.json branch/agent.json
  connect-policy check-not-granted --policy agent.json --action connect:DeleteInstance
  connect-policy audit agent.json --instance a1b2c3d4-0000-4000-8000-000000000001
  connect-policy samples show create-user-deny-security-profile
  connect-policy samples check
  connect-policy catalog 'connect:Describe*'

Exit codes: 0 success; 1 findings at or above --fail-on, an unmet --expect, nothing found, a
sample expectation not decided as recorded, new access (compare), access granted
(check-not-granted) or audit findings; 2 usage or input error. Colours only on a
terminal; NO_COLOR turns them off.
`

/**
 * Reads the command name from the arguments and hands the rest to the command; answers
 * `--help`, `help <command>` and `--version` itself.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    io.stderr.write(mainHelp)
    return exitCodes.usage
  }
  if (name === '--help' || name === '-h') {
    io.stdout.write(mainHelp)
    return exitCodes.success
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${version}\n`)
    return exitCodes.success
  }
  if (name === 'help') {
    const [topic] = rest
    const command = topic === undefined ? undefined : commands[topic]
    if (topic === undefined) io.stdout.write(mainHelp)
    else if (command !== undefined) return command(['--help'], io)
    else {
      const hint = didYouMean(topic, Object.keys(commands)) || ': see `connect-policy --help`'
      io.stderr.write(`error: unknown command \`${topic}\`${hint}\n`)
      return exitCodes.usage
    }
    return exitCodes.success
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (command === undefined) {
    const what = name.startsWith('-') ? 'option' : 'command'
    const hint = didYouMean(name, Object.keys(commands)) || ': see `connect-policy --help`'
    io.stderr.write(`error: unknown ${what} \`${name}\`${hint}\n`)
    return exitCodes.usage
  }
  return command(rest, io)
}
