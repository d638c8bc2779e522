import { awsCatalog } from '@connect-policy/catalog'
import { actionView, didYouMean } from '@connect-policy/core'
import { defineCommand, oneOf, parseArguments, UsageError } from '../command.ts'
import { exitCodes } from '../exit-codes.ts'
import { renderActionsHuman, renderServiceHuman, serviceView } from '../format/catalog-view.ts'
import { createStyle, useColor } from '../format/style.ts'

export const catalogHelp = `Usage: connect-policy catalog <service>
       connect-policy catalog <action pattern>

Looks up the AWS service reference the validator checks policies against, and says how old
its data is.

  <service>         a service prefix, such as connect, profile, wisdom, voiceid: its actions
                    with their access levels and resource types, its resource types with
                    their ARN formats, and its condition keys
  <action pattern>  an action or a pattern as a policy writes it (connect:Describe*,
                    *:TagResource): every action it names with its access levels and resource
                    types; a single action in full, with ARN formats and condition keys

Options:
  --format <format>  human (default) or json
  -h, --help         show this help

Examples:
  connect-policy catalog connect
  connect-policy catalog 'connect:Describe*'
  connect-policy catalog connect:CreateUser
  connect-policy catalog 'profile:*' --format json

Exit codes: 0 found, 1 the pattern names no action, 2 usage error or unknown service.
`

const formats = ['human', 'json'] as const

/** Whether the argument is an action pattern rather than a service prefix. */
function isActionPattern(query: string): boolean {
  return /[:*?]/.test(query)
}

/** `connect-policy catalog`: a service, or the actions a pattern names. */
export const catalog = defineCommand(catalogHelp, async (args, io) => {
  const { values, positionals } = parseArguments(args, { format: { type: 'string' } }, true)
  const format = oneOf('format', values.format, formats, 'human')
  const [query, ...extra] = positionals
  if (query === undefined || query.trim() === '') {
    throw new UsageError('name a service (`connect`) or an action pattern (`connect:Describe*`)')
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument \`${extra[0]}\``)
  const reference = awsCatalog()
  const style = createStyle(useColor(io))
  const json = (value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  if (!isActionPattern(query)) {
    const service = reference.service(query)
    if (service === undefined) {
      throw new UsageError(
        `unknown service \`${query}\`${didYouMean(query, reference.servicePrefixes)}`,
      )
    }
    const view = serviceView(service, reference)
    if (format === 'json') json({ serviceReference: reference.source, service: view })
    else io.stdout.write(renderServiceHuman(view, reference.source, style))
    return exitCodes.success
  }
  // the catalog gives its actions by full name
  const actions = reference
    .matchActions(query)
    .flatMap((action) => actionView(reference, action) ?? [])
  if (format === 'json') json({ serviceReference: reference.source, pattern: query, actions })
  else io.stdout.write(renderActionsHuman(query, actions, reference.source, style))
  if (actions.length === 0) {
    io.stderr.write(`\`${query}\` names no action of the service reference\n`)
    return exitCodes.failure
  }
  return exitCodes.success
})
