import { awsCatalog } from '@connect-policy/catalog'
import { checkAccessNotGranted } from '@connect-policy/core'
import { readPolicySets } from '../analysis/read-sides.ts'
import { analysisErrors } from '../analysis/render-errors.ts'
import { commaList, defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { renderRegionsHuman } from '../format/access-human.ts'
import { accessSarif } from '../format/access-sarif.ts'
import { createStyle, useColor } from '../format/style.ts'
import type { Io } from '../io.ts'
import { version } from '../version.ts'

export const checkNotGrantedHelp = `Usage: connect-policy check-not-granted --policy <file>... --action <pattern>... [options]

Checks that a set of identity-based policies never grants the actions given (on the resources
given, when given), for any request: passes, or fails with a request the policies allow for
each access found, decided by the evaluator. An answer it cannot prove within its limits is
\`unknown\` and fails.

Options:
  --policy <file>       a policy of the set; may repeat
  --action <pattern>    an action or action pattern that must not be granted; may repeat or
                        take a comma-separated list (connect:DeleteInstance,connect:Admin*)
  --resource <pattern>  only on these resources (ARN patterns); may repeat
  --format <format>     human (default), json or sarif
  -h, --help            show this help

Examples:
  connect-policy check-not-granted --policy agent.json --action connect:DeleteInstance
  connect-policy check-not-granted --policy admin.json --action 'connect:Update*' \\
    --resource 'arn:aws:connect:*:*:instance/*/security-profile/*'

Exit codes: 0 never granted; 1 granted, or not proven; 2 usage error, an unreadable file or a
policy AWS would reject.
`

const formats = ['human', 'json', 'sarif'] as const

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseArguments(
    args,
    {
      policy: { type: 'string', multiple: true },
      action: { type: 'string', multiple: true },
      resource: { type: 'string', multiple: true },
      format: { type: 'string' },
    },
    false,
  )
  const format = oneOf('format', values.format, formats, 'human')
  const policies = values.policy ?? []
  if (policies.length === 0)
    throw new UsageError('no policy given: name one with `--policy <file>`')
  const actions = commaList(values.action)
  if (actions.length === 0) {
    throw new UsageError('no action given: name what must not be granted with `--action <pattern>`')
  }
  const resources = values.resource ?? []
  const [set] = await readPolicySets([policies], io)
  const catalog = awsCatalog()
  const query = { actions, ...(resources.length === 0 ? {} : { resources }) }
  const result = checkAccessNotGranted(set, query, { catalog })
  if (result.errors !== undefined) throw analysisErrors(result.errors)
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ query, ...result }, null, 2)}\n`)
  } else if (format === 'sarif') {
    const log = accessSarif(result.access.regions, {
      toolVersion: version,
      source: catalog.source,
      cwd: io.cwd,
      ruleId: 'access-granted',
      rule: `access to ${actions.join(', ')} that must not be granted`,
    })
    io.stdout.write(`${JSON.stringify(log, null, 2)}\n`)
  } else {
    const style = createStyle(useColor(io))
    const asked = `${actions.join(', ')}${resources.length === 0 ? '' : ` on ${resources.join(', ')}`}`
    const out =
      result.result === 'pass'
        ? [`${style.green('pass')}: never granted: ${asked}`]
        : result.result === 'fail'
          ? [
              `${style.red('fail')}: granted: ${asked}`,
              ...renderRegionsHuman(result.access.regions, style),
            ]
          : [`${style.yellow('unknown')}: not proven within the limits: ${asked}`]
    for (const reason of result.reasons) out.push(style.yellow(`note: ${reason}`))
    io.stdout.write(`${out.join('\n')}\n`)
  }
  return result.result === 'pass' ? exitCodes.success : exitCodes.failure
}

/** `connect-policy check-not-granted`: proof that actions are never granted, or requests that are. */
export const checkNotGranted = defineCommand(checkNotGrantedHelp, run)
