import { awsCatalog } from '@connect-policy/catalog'
import { summarizeAccess } from '@connect-policy/core'
import { readPolicySets } from '../analysis/read-sides.ts'
import { analysisErrors } from '../analysis/render-errors.ts'
import { defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'

export const summarizeHelp = `Usage: connect-policy summarize <file>... [options]

What a set of identity-based policies allows, for every request at once: by service, access
level and resource type, the actions allowed on which resources under which condition values,
after every Deny, NotAction and NotResource, against the AWS service reference. Each line ends
with a request the policies allow.

Options:
  --format <format>   human (default) or json
  -h, --help          show this help

Examples:
  connect-policy summarize agent.json
  connect-policy summarize role-inline.json role-managed.json --format json

Exit codes: 0 summarized; 2 usage error, an unreadable file or a policy AWS would reject.
`

const formats = ['human', 'json'] as const

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArguments(args, { format: { type: 'string' } }, true)
  const format = oneOf('format', values.format, formats, 'human')
  if (positionals.length === 0)
    throw new UsageError('no policy given: `connect-policy summarize <file>...`')
  const [set] = await readPolicySets([positionals], io)
  const result = summarizeAccess(set, { catalog: awsCatalog() })
  if (result.errors !== undefined) throw analysisErrors(result.errors)
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return exitCodes.success
  }
  const style = createStyle(useColor(io))
  const out: string[] = []
  if (result.services.length === 0) out.push('allows nothing')
  for (const service of result.services) {
    out.push(
      style.bold(
        service.name === undefined ? service.service : `${service.name} (${service.service})`,
      ),
    )
    for (const level of service.levels) {
      out.push(`  ${level.level}`)
      for (const grant of level.grants) out.push(`    • ${grant.description}`)
    }
  }
  for (const reason of result.reasons) out.push(style.yellow(`note: ${reason}`))
  io.stdout.write(`${out.join('\n')}\n`)
  return exitCodes.success
}

/** `connect-policy summarize`: the effective access of a policy set, by service and level. */
export const summarize = defineCommand(summarizeHelp, run)
