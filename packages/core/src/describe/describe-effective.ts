import {
  type AccessGrant,
  type AnalysisLimits,
  limitsForSize,
  type ServiceAccess,
  summarizeAccess,
} from '../analyze/index.ts'
import type { Catalog } from '../catalog/index.ts'
import { type PolicyDocument, statementSize } from '../model/index.ts'
import { count } from './words.ts'

/**
 * What a policy allows in effect, over every request at once, in words: the grants of
 * `summarizeAccess` (after its Denies, NotAction and NotResource, against the service
 * reference), each with a request the evaluator allows. Words about statements say what the
 * policy names; these say what it grants, and agree with `evaluate` because each grant was
 * decided by it.
 */
export interface EffectiveAccessDescription {
  /** The grants listed, by service and access level. */
  readonly services: readonly ServiceAccess[]
  /** Grants found and not listed, past `maxListed` or the bytes the budget gives this part. */
  readonly omittedGrants: number
  /** Actions found allowed on some request, listed or not. */
  readonly actions: number
  /** Whether every grant was found: when not, `reasons` says why more may be allowed. */
  readonly complete: boolean
  /** The first reasons (`complete` false), as `summarizeAccess` gives them. */
  readonly reasons: readonly string[]
  /** Its first sentence: how many actions of how many services, or that it allows nothing. */
  readonly headline: string
  /** Grants not listed and why the list may not be whole, a sentence each. */
  readonly caveats: readonly string[]
  /** The headline, a sentence per service and access level, and the caveats, as a paragraph. */
  readonly text: string
}

/**
 * The work the effective access of one description may take: a tenth of a comparison's
 * requests, searches and search steps (an AWS managed policy as wide as `ReadOnlyAccess` takes 2,976
 * requests), shared out by the policy's size, as each request and each search step costs more
 * on a larger policy: a policy of 1,000 characters or fewer gets all of it, one of 5,000 a
 * fifth. A policy too large to summarize quickly is described with the grants found, and says
 * it is not whole.
 */
export function effectiveAccessLimits(characters: number): Required<AnalysisLimits> {
  return limitsForSize(characters, {
    maxRequests: 20_000,
    maxSearches: 2_000,
    maxStates: 25_000,
    maxSteps: 500_000,
    maxRegions: 100,
  })
}

/**
 * Characters of statements past which the effective access is not worked out: more than any
 * policy AWS accepts holds (an inline policy of a role 10,240, a managed policy 6,144).
 */
export const largestSummarizedPolicy = 10_240

/** The policy set a lone policy is read as: a resource policy when a statement names principals. */
function setOf(document: PolicyDocument) {
  const namesPrincipals = document.statements.some((statement) => statement.principal !== undefined)
  return namesPrincipals ? { resourcePolicy: document } : { identityPolicies: [document] }
}

/**
 * Bytes of JSON a listed grant takes: its fields, and its words twice more, in this part's
 * paragraph and in the description's.
 */
function grantBytes(grant: AccessGrant, service: ServiceAccess, level: string): number {
  const heading = JSON.stringify(`${service.name ?? service.service}, ${level}: `).length
  return JSON.stringify(grant).length + 2 * (JSON.stringify(grant.description).length + heading)
}

/** Reasons shown, and the characters of each, so the words around the grants stay small. */
const shownReasons = 2
const reasonCharacters = 160

/** Bytes the words around the grants take at most: opening, count and the reasons, each copy. */
export const effectiveWordsBytes = 4 * 6 * (400 + shownReasons * (reasonCharacters + 2))

/** The grants of the summary that fit `maxListed` and `maxBytes`, in order, and how many did not. */
function listedGrants(
  services: readonly ServiceAccess[],
  maxListed: number,
  maxBytes: number,
): { services: ServiceAccess[]; omitted: number } {
  let listed = 0
  let bytes = 0
  let omitted = 0
  const kept: ServiceAccess[] = []
  for (const service of services) {
    const levels = []
    for (const level of service.levels) {
      const grants = level.grants.filter((grant) => {
        // once full, the rest are counted without measuring them
        const size =
          listed < maxListed && bytes < maxBytes ? grantBytes(grant, service, level.level) : 0
        if (listed >= maxListed || bytes >= maxBytes || bytes + size > maxBytes) {
          omitted++
          return false
        }
        listed++
        bytes += size
        return true
      })
      if (grants.length > 0) levels.push({ ...level, grants })
    }
    if (levels.length > 0) kept.push({ ...service, levels })
  }
  return { services: kept, omitted }
}

/** The first reasons, each cut to its first characters. */
function shownReasonsOf(reasons: readonly string[]): string[] {
  return reasons
    .slice(0, shownReasons)
    .map((reason) =>
      reason.length > reasonCharacters ? `${reason.slice(0, reasonCharacters - 1)}…` : reason,
    )
}

function levelSentences(services: readonly ServiceAccess[]): string[] {
  return services.flatMap((service) =>
    service.levels.map(
      (level) =>
        `${service.name ?? service.service}, ${level.level}: ${level.grants.map((grant) => grant.description).join('; ')}.`,
    ),
  )
}

/**
 * The effective access of a policy read alone (as an identity policy, or as a resource policy
 * when it names principals), listing at most `maxListed` grants in at most `maxBytes` of JSON
 * (past `effectiveWordsBytes` for the words around them); undefined when the policy cannot be evaluated (its errors are the validator's to report).
 */
export function describeEffectiveAccess(
  document: PolicyDocument,
  catalog: Catalog,
  maxListed: number,
  maxBytes: number,
): EffectiveAccessDescription | undefined {
  let characters = 0
  for (const statement of document.statements) characters += statementSize(statement).chars
  if (characters > largestSummarizedPolicy) {
    const headline = `In effect: not worked out, as the policy's statements hold ${characters.toLocaleString('en-US')} characters, more than any policy AWS accepts.`
    return {
      services: [],
      omittedGrants: 0,
      actions: 0,
      complete: false,
      reasons: [
        `the statements hold more than ${largestSummarizedPolicy.toLocaleString('en-US')} characters`,
      ],
      headline,
      caveats: [],
      text: headline,
    }
  }
  const limits = effectiveAccessLimits(characters)
  const summary = summarizeAccess(setOf(document), { catalog, limits })
  if (summary.errors !== undefined) return undefined
  const { services, omitted } = listedGrants(summary.services, maxListed, maxBytes)
  const sentences = levelSentences(services)
  const actions = new Set<string>()
  for (const service of summary.services) {
    for (const level of service.levels) {
      for (const grant of level.grants) for (const action of grant.actions) actions.add(action)
    }
  }
  const headline =
    actions.size === 0
      ? summary.complete
        ? 'In effect, it allows nothing: every request is denied.'
        : 'In effect, no request was found that it allows.'
      : `In effect, after its Denies and against the service reference, it allows ${count(actions.size, 'action')} of ${count(summary.services.length, 'service')}.`
  const rest = omitted === 0 ? [] : [`It allows ${count(omitted, 'more grant')} not listed here.`]
  const reasons = shownReasonsOf(summary.reasons)
  const more = summary.reasons.length - reasons.length
  const because = [...reasons, ...(more > 0 ? [`and ${count(more, 'more reason')}`] : [])]
  const whole = summary.complete ? [] : [`This may not be all it allows: ${because.join('; ')}.`]
  return {
    services,
    omittedGrants: omitted,
    actions: actions.size,
    complete: summary.complete,
    reasons,
    headline,
    caveats: [...rest, ...whole],
    text: [headline, ...sentences, ...rest, ...whole].join(' '),
  }
}
