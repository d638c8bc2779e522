import { type Catalog, suggestActions } from '../catalog/index.ts'
import { actionProblem } from '../evaluate/readable-value.ts'
import { compileWildcard, matchesWildcard } from '../match/index.ts'
import { closestName } from '../suggest/index.ts'
import type { ActionEntry, CheckContext, StatementFacts } from './check-context.ts'
import { quote } from './check-context.ts'
import { redundantValues } from './redundant-values.ts'
import { editWithin, rangeWithin } from './text-range.ts'

function dated(catalog: Catalog): string {
  return `(AWS service reference of ${catalog.source.date})`
}

function checkActionValue(context: CheckContext, entry: ActionEntry) {
  const { catalog, report, text } = context
  const { value } = entry
  const written = value.value
  const problem = actionProblem(written)
  if (problem?.code === 'deploy-time-value') return
  if (problem !== undefined) {
    const trimmed = written.trim()
    const fix =
      problem.code === 'action-has-whitespace'
        ? {
            title: `Write ${quote(trimmed)}`,
            ...editWithin(value, text, 0, written.length, trimmed),
          }
        : undefined
    report(problem.code, 'error', problem.message, value.range, fix)
    return
  }
  if (/^\*+$/.test(written)) return
  if (catalog === undefined || entry.service === undefined) return
  const { service } = entry
  const colon = written.indexOf(':')
  const name = written.slice(colon + 1)
  if (!/[*?]/.test(service) && !catalog.isService(service)) {
    const suggestion = closestName(service, catalog.servicePrefixes)
    report(
      'unknown-service',
      'error',
      `no AWS service has the prefix ${quote(written.slice(0, colon))}${suggestion ? `: did you mean \`${suggestion}\`` : ''} ${dated(catalog)}`,
      rangeWithin(value, text, 0, colon),
      suggestion === undefined
        ? undefined
        : { title: `Write \`${suggestion}\``, ...editWithin(value, text, 0, colon, suggestion) },
    )
    return
  }
  if (entry.actions === undefined || entry.actions.length > 0) return
  const prefix = written.slice(0, colon)
  const serviceName = catalog.serviceName(service) ?? service
  if (/[*?]/.test(written)) {
    report(
      'action-pattern-matches-nothing',
      'error',
      `${quote(written)} matches no action of ${serviceName} ${dated(catalog)}`,
      value.range,
    )
    return
  }
  const options = suggestActions(catalog, prefix, name)
  const suggestion = options.length === 1 ? options[0] : undefined
  report(
    'unknown-action',
    'error',
    `${quote(name)} is not an action of ${serviceName}${options.length > 0 ? `: did you mean ${options.map((option) => `\`${option}\``).join(' or ')}` : ''} ${dated(catalog)}`,
    value.range,
    suggestion === undefined
      ? undefined
      : {
          title: `Write \`${suggestion}\``,
          ...editWithin(value, text, 0, written.length, suggestion),
        },
  )
}

function checkRedundantActions(context: CheckContext, facts: StatementFacts) {
  const values = facts.actionEntries.map((entry) => entry.value)
  const redundant = redundantValues(
    values,
    (text) => text.toLowerCase(),
    (pattern) => {
      const compiled = compileWildcard(pattern)
      return (text) => matchesWildcard(compiled, text)
    },
    1,
  )
  for (const [value, wider] of redundant) {
    context.report(
      'redundant-action',
      'suggestion',
      wider.value.toLowerCase() === value.value.toLowerCase()
        ? `${quote(value.value)} is listed twice in this statement`
        : `${quote(value.value)} is already covered by ${quote(wider.value)} in this statement`,
      value.range,
    )
  }
}

/**
 * Action values: their shape, their service and name against the catalog with "did you mean",
 * patterns that match nothing, and entries another entry of the statement already covers.
 */
export function checkActions(context: CheckContext): void {
  for (const facts of context.statements) {
    for (const entry of facts.actionEntries) checkActionValue(context, entry)
    checkRedundantActions(context, facts)
  }
}
