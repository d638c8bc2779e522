import { connectIdentifiers, uuidProblem } from '../catalog/connect-identifiers.ts'
import type { Catalog } from '../catalog/index.ts'
import { accountFits, resourceProblem } from '../evaluate/readable-value.ts'
import { type ArnParts, compileResourcePattern, matchesResource, splitArn } from '../match/index.ts'
import { holdsDeployTimeValue, type Located } from '../model/index.ts'
import { closestName } from '../suggest/index.ts'
import type { CheckContext } from './check-context.ts'
import { quote } from './check-context.ts'
import { isPlaceholder, isRegionPlaceholder } from './placeholder.ts'
import { redundantValues } from './redundant-values.ts'
import { editWithin, rangeWithin } from './text-range.ts'

const wildcardOrVariable = /[*?]|\$\{/

/** Whether the checks cannot judge a piece: a pattern, a policy variable, a deploy-time value. */
function unjudged(piece: string): boolean {
  return wildcardOrVariable.test(piece) || holdsDeployTimeValue(piece)
}

/** Where each field of an ARN starts in the ARN's text. */
function fieldStarts(parts: ArnParts): [number, number, number, number, number] {
  const partition = 4
  const service = partition + parts.partition.length + 1
  const region = service + parts.service.length + 1
  const account = region + parts.region.length + 1
  const resource = account + parts.account.length + 1
  return [partition, service, region, account, resource]
}

function checkPartition(context: CheckContext, value: Located<string>, parts: ArnParts) {
  const { catalog } = context
  if (catalog === undefined || unjudged(parts.partition)) return
  if (catalog.partitions.has(parts.partition)) return
  const end = 4 + parts.partition.length
  const suggestion = closestName(parts.partition, [...catalog.partitions])
  context.report(
    'unknown-partition',
    'error',
    `${quote(parts.partition)} is not an AWS partition (${[...catalog.partitions].join(', ')})`,
    rangeWithin(value, context.text, 4, end),
    suggestion === undefined
      ? undefined
      : {
          title: `Write \`${suggestion}\``,
          ...editWithin(value, context.text, 4, end, suggestion),
        },
  )
}

function checkService(context: CheckContext, value: Located<string>, parts: ArnParts, at: number) {
  const { catalog } = context
  const { service } = parts
  if (catalog === undefined || unjudged(service)) return true
  // ARNs name services in lower case only, and ARN matching is case-sensitive
  const lowerCase = service === service.toLowerCase()
  if (catalog.arnServices.has(service) || (lowerCase && catalog.isService(service))) return true
  const end = at + service.length
  const suggestion = closestName(service, [...catalog.arnServices])
  context.report(
    'unknown-arn-service',
    'error',
    suggestion !== undefined && suggestion === service.toLowerCase()
      ? `${quote(service)}: ARNs write the service in lower case, \`${suggestion}\``
      : `no AWS service writes ${quote(service)} in its ARNs${suggestion ? `: did you mean \`${suggestion}\`` : ''}`,
    rangeWithin(value, context.text, at, end),
    suggestion === undefined
      ? undefined
      : {
          title: `Write \`${suggestion}\``,
          ...editWithin(value, context.text, at, end, suggestion),
        },
  )
  return false
}

function checkRegion(context: CheckContext, value: Located<string>, parts: ArnParts, at: number) {
  const { catalog } = context
  const { region } = parts
  if (region === '' || unjudged(region)) return
  const range = rangeWithin(value, context.text, at, at + region.length)
  if (isRegionPlaceholder(region)) {
    context.report(
      'arn-placeholder',
      'error',
      `${quote(region)} is a placeholder: write the Region, such as \`us-east-1\`, or \`*\``,
      range,
    )
    return
  }
  if (catalog === undefined || catalog.regions.has(region)) return
  const suggestion = closestName(region, [...catalog.regions])
  context.report(
    'unknown-region',
    'warning',
    `${quote(region)} is not an AWS Region${suggestion ? `: did you mean \`${suggestion}\`` : ''}`,
    range,
    suggestion === undefined
      ? undefined
      : {
          title: `Write \`${suggestion}\``,
          ...editWithin(value, context.text, at, at + region.length, suggestion),
        },
  )
}

function checkAccount(context: CheckContext, value: Located<string>, parts: ArnParts, at: number) {
  const { account } = parts
  if (accountFits(account) || holdsDeployTimeValue(account)) return
  const range = rangeWithin(value, context.text, at, at + account.length)
  if (/[A-Za-z]/.test(account)) {
    context.report(
      'arn-placeholder',
      'error',
      `${quote(account)} is a placeholder: write the 12-digit AWS account ID, or \`*\``,
      range,
    )
    return
  }
  context.report(
    'invalid-account-id',
    'error',
    `${quote(account)} is not an AWS account ID, which has exactly 12 digits`,
    range,
  )
}

function checkResourcePart(
  context: CheckContext,
  value: Located<string>,
  parts: ArnParts,
  at: number,
) {
  let position = at
  for (const piece of parts.resource.split(/([/:])/)) {
    if (piece !== '/' && piece !== ':' && isPlaceholder(piece, context.catalog)) {
      context.report(
        'arn-placeholder',
        'error',
        `${quote(piece)} is a placeholder: write the real identifier, or \`*\``,
        rangeWithin(value, context.text, position, position + piece.length),
      )
    }
    position += piece.length
  }
  if (parts.service !== 'connect') return
  for (const { segment, id, start } of connectIdentifiers(parts.resource)) {
    if (id === '' || unjudged(id) || isPlaceholder(id, context.catalog)) continue
    const problem = uuidProblem(id)
    if (problem === undefined) continue
    context.report(
      'invalid-connect-id',
      'error',
      `${quote(id)} cannot be an Amazon Connect ${segment === 'agent' ? 'user' : segment} ID, which is a UUID such as \`a1b2c3d4-5678-90ab-cdef-111122223333\`: ${problem}`,
      rangeWithin(value, context.text, at + start, at + start + id.length),
    )
  }
}

/** What the ARN checks read of each catalog's services, worked out once per catalog. */
interface ServiceFacts {
  /** The prefixes of the services held with formats of each ARN service field, in order. */
  readonly byArnService: Map<string, readonly string[]>
  readonly pathWords: Map<string, ReadonlyMap<string, string>>
}

const serviceFacts = new WeakMap<Catalog, ServiceFacts>()

function factsOf(catalog: Catalog): ServiceFacts {
  let facts = serviceFacts.get(catalog)
  if (facts === undefined) {
    const byArnService = new Map<string, string[]>()
    for (const prefix of catalog.coveredPrefixes) {
      for (const type of catalog.service(prefix)?.resourceTypes ?? []) {
        for (const format of type.arnFormats) {
          const prefixes = byArnService.get(format.service)
          if (prefixes === undefined) byArnService.set(format.service, [prefix])
          else if (prefixes.at(-1) !== prefix) prefixes.push(prefix)
        }
      }
    }
    facts = { byArnService, pathWords: new Map() }
    serviceFacts.set(catalog, facts)
  }
  return facts
}

/**
 * The services held whose resource types have ARNs of a service field, in the catalog's order:
 * asked for every ARN no type fits, and a scan of every format of the reference otherwise.
 */
function servicesWithArns(catalog: Catalog, arnService: string): readonly string[] {
  return factsOf(catalog).byArnService.get(arnService) ?? []
}

/** For each type of the service, the ARN path word its format uses where it differs from its name. */
function pathWords(catalog: Catalog, service: string): ReadonlyMap<string, string> {
  const known = factsOf(catalog).pathWords
  let words = known.get(service)
  if (words === undefined) {
    words = findPathWords(catalog, service)
    known.set(service, words)
  }
  return words
}

function findPathWords(catalog: Catalog, service: string): Map<string, string> {
  const words = new Map<string, string>()
  for (const type of catalog.service(service)?.resourceTypes ?? []) {
    for (const format of type.arnFormats) {
      const tokens = format.fields[4]
      const last = tokens.at(-1)
      const before = tokens.at(-2)
      if (last?.kind !== 'variable' || before?.kind !== 'text') continue
      const word = before.text.split('/').at(-2)
      // a difference of case alone is not certain enough to call the path wrong
      if (word !== undefined && word !== '' && word.toLowerCase() !== type.name.toLowerCase()) {
        words.set(type.name, word)
      }
    }
  }
  return words
}

function checkFitsService(
  context: CheckContext,
  value: Located<string>,
  parts: ArnParts,
  at: number,
) {
  const { catalog } = context
  if (catalog === undefined || unjudged(parts.service)) return
  if (catalog.resourceTypesOf(value.value, context.formatWork).length > 0) return
  const services = servicesWithArns(catalog, parts.service)
  if (services.length === 0) return
  // a type's name written where its ARNs use another word: `user/` for Connect's `agent/`
  const pieces = parts.resource.split('/')
  for (const service of services) {
    for (const [name, word] of pathWords(catalog, service)) {
      const index = pieces.indexOf(name)
      if (index < 0) continue
      const fixed = [...pieces.slice(0, index), word, ...pieces.slice(index + 1)].join('/')
      const rewritten = value.value.slice(0, at) + fixed
      if (catalog.resourceTypesOf(rewritten, context.formatWork).length === 0) continue
      const start = at + pieces.slice(0, index).join('/').length + (index > 0 ? 1 : 0)
      const end = start + name.length
      context.report(
        'wrong-arn-path',
        'error',
        `in ${catalog.serviceName(service) ?? service} ARNs, the path word of \`${name}\` is \`${word}/\`, not \`${name}/\``,
        rangeWithin(value, context.text, start, end),
        { title: `Write \`${word}\``, ...editWithin(value, context.text, start, end, word) },
      )
      return
    }
  }
  const examples = services
    .flatMap((service) => catalog.service(service)?.resourceTypes ?? [])
    .flatMap((type) => type.arnFormats.filter((format) => format.service === parts.service))
    .slice(0, 4)
    .map((format) => `\`${format.source.split(':').slice(5).join(':')}\``)
  context.report(
    'arn-fits-no-resource-type',
    'warning',
    `${quote(value.value)} fits no resource type of ${parts.service}; its ARNs end like ${examples.join(', ')}`,
    value.range,
  )
}

function checkRedundantResources(context: CheckContext, values: readonly Located<string>[]) {
  const redundant = redundantValues(
    values,
    (text) => text,
    (pattern) => {
      const compiled = compileResourcePattern(pattern)
      return (text) => matchesResource(compiled, text)
    },
    3,
  )
  for (const [value, wider] of redundant) {
    context.report(
      'redundant-resource',
      'suggestion',
      wider.value === value.value
        ? `${quote(value.value)} is listed twice in this statement`
        : `${quote(value.value)} is already covered by ${quote(wider.value)} in this statement`,
      value.range,
    )
  }
}

function checkResourceValue(context: CheckContext, value: Located<string>) {
  const written = value.value
  const problem = resourceProblem(written, context.variablesEnabled)
  // an account no account ID fits is reported below, with the account's own range, and the
  // fields of an ARN that hold no deploy-time value are still checked
  const checkedByField =
    problem?.code === 'invalid-account-id' ||
    problem?.code === 'arn-placeholder' ||
    problem?.code === 'deploy-time-value'
  if (problem !== undefined && !checkedByField) {
    context.report(problem.code, 'error', problem.message, value.range)
    return
  }
  const parts = splitArn(written)
  if (parts === undefined) return
  const [, serviceAt, regionAt, accountAt, resourceAt] = fieldStarts(parts)
  checkPartition(context, value, parts)
  const knownService = checkService(context, value, parts, serviceAt)
  checkRegion(context, value, parts, regionAt)
  checkAccount(context, value, parts, accountAt)
  checkResourcePart(context, value, parts, resourceAt)
  if (knownService) checkFitsService(context, value, parts, resourceAt)
}

/**
 * Resource values one by one: ARN shape, partition, service, Region, account, placeholders left
 * from examples, Amazon Connect identifiers, whether the ARN fits any resource type of its
 * service (with a fix when a type's name was written for its ARN path word), and duplicates.
 */
export function checkResources(context: CheckContext): void {
  for (const facts of context.statements) {
    for (const value of facts.resources) checkResourceValue(context, value)
    checkRedundantResources(context, facts.resources)
  }
}
