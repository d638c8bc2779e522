import type { Catalog } from '../catalog/index.ts'
import { compileWildcard, matchesWildcard } from '../match/index.ts'
import { closestName } from '../suggest/index.ts'
import type { ActionEntry, CheckContext, StatementFacts } from './check-context.ts'
import { quote } from './check-context.ts'
import { redundantValues } from './redundant-values.ts'
import { editWithin, rangeWithin } from './text-range.ts'

const actionShape = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/

function dated(catalog: Catalog): string {
  return `(AWS service reference of ${catalog.source.date})`
}

function camelWords(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [name]
}

/** Whether `candidate` holds every word of `written`, in order (`ListObjects` in `ListProfileObjects`). */
function holdsWords(candidate: string, written: readonly string[]): boolean {
  const words = camelWords(candidate).map((word) => word.toLowerCase())
  let index = 0
  for (const word of words) if (word === written[index]) index++
  return index === written.length
}

/**
 * Names of the service a mistyped action may stand for: the closest by edit distance, or else
 * those holding all its words, as `ListProfileObjects` holds `ListObjects`.
 */
function likelyNames(name: string, known: readonly string[]): string[] {
  const close = closestName(name, known)
  if (close !== undefined) return [close]
  const words = camelWords(name).map((word) => word.toLowerCase())
  if (words.length < 2) return []
  return known.filter((candidate) => holdsWords(candidate, words)).slice(0, 3)
}

/** Looks for the name in the other services the catalog holds: a right name with the wrong prefix. */
function elsewhere(catalog: Catalog, name: string, service: string): string | undefined {
  const folded = name.toLowerCase()
  for (const prefix of catalog.coveredPrefixes) {
    if (prefix === service) continue
    const found = catalog.action(`${prefix}:${folded}`)
    if (found !== undefined) return found.fullName
  }
  return undefined
}

function checkActionValue(context: CheckContext, entry: ActionEntry) {
  const { catalog, report, text } = context
  const { value } = entry
  const written = value.value
  const trimmed = written.trim()
  if (trimmed !== written) {
    report(
      'action-has-whitespace',
      'error',
      `${quote(written)} has spaces around it, so it names no action: IAM does not trim them`,
      value.range,
      { title: `Write ${quote(trimmed)}`, ...editWithin(value, text, 0, written.length, trimmed) },
    )
    return
  }
  if (/^\*+$/.test(written)) return
  if (written.includes('${')) {
    report(
      'invalid-action-format',
      'error',
      `${quote(written)}: policy variables work only in \`Resource\` and in condition values, so IAM reads this one as plain text`,
      value.range,
    )
    return
  }
  if (!actionShape.test(written)) {
    report(
      'invalid-action-format',
      'error',
      `${quote(written)} is not an action: write \`service:ActionName\`, such as \`connect:DescribeUser\``,
      value.range,
    )
    return
  }
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
  const known = catalog.service(service)?.actions.map((action) => action.name) ?? []
  const likely = likelyNames(name, known).map((found) => `${prefix}:${found}`)
  const other = likely.length === 0 ? elsewhere(catalog, name, service) : undefined
  const options = other === undefined ? likely : [other]
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
