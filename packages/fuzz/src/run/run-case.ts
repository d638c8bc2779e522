import { auditPolicySet } from '@connect-policy/audit'
import { awsCatalog, validatePolicy as validateWithCatalog } from '@connect-policy/catalog'
import {
  type AuthorizationRequest,
  actionMatch,
  type CompiledPolicySet,
  compilePolicies,
  describePolicy,
  type EvaluationResult,
  evaluate,
  type ParseResult,
  type PolicySet,
  parsePolicy,
  printPolicy,
  resourceMatch,
  wildcardMatch,
} from '@connect-policy/core'
import {
  asRecorded,
  type Erratum,
  type Expectation,
  evaluateExpectation,
  fillPlaceholders,
  locateErratum,
  printedDocument,
  recordedOutcome,
  type Sample,
} from '@connect-policy/samples'
import { readSource, type SourceFile, validateSource } from '@connect-policy/sources'
import { correctedSamples } from '../inputs/corrected-samples.ts'
import { exportedFunctions } from '../inputs/exported.ts'
import {
  type FuzzCase,
  type ModuleName,
  type Placement,
  policyTypeOf,
} from '../inputs/fuzz-case.ts'
import { type CallSite, type Thrown, thrown } from './call-site.ts'

const allowAll = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
})
const allowAllToAnyone = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
})

/** The set a policy under test is evaluated in: wherever it is, everything else allows. */
export function placed(policy: unknown, placement: Placement): PolicySet {
  const input = policy as string
  switch (placement) {
    case 'alone':
      return { identityPolicies: [input] }
    case 'beside-allow-all':
      return { identityPolicies: [allowAll, input] }
    case 'boundary':
      return { identityPolicies: [allowAll], permissionsBoundary: input }
    case 'session':
      return { identityPolicies: [allowAll], sessionPolicy: input }
    case 'scp-level':
      return { identityPolicies: [allowAll], serviceControlPolicies: [[allowAll, input]] }
    case 'rcp-level':
      return { identityPolicies: [allowAll], resourceControlPolicies: [[allowAllToAnyone, input]] }
    case 'resource-policy':
      return { identityPolicies: [allowAll], resourcePolicy: input }
  }
}

/** Placements where the policy is a layer of its own, which `null` leaves out. */
const singleLayers: readonly Placement[] = ['boundary', 'session', 'resource-policy']

/**
 * Why a policy cannot be read as AWS reads one, or `undefined` when it can: its text is not JSON
 * (`JSON.parse` refuses it), or `parsePolicy` reports an error. A set holding such a policy must
 * never allow.
 */
export function malformedBecause(
  policy: unknown,
  site: CallSite,
  parsedAlready?: ParseResult | Thrown,
): string | undefined {
  const given =
    typeof policy === 'object' && policy !== null && 'name' in policy && 'policy' in policy
      ? (policy as { policy: unknown }).policy
      : policy
  if (typeof given === 'string') {
    try {
      JSON.parse(given)
    } catch (error) {
      return `not JSON: ${(error as Error).message.slice(0, 120)}`
    }
  }
  const parsed = parsedAlready ?? site.call('core.parsePolicy', () => parsePolicy(given as string))
  if (parsed === thrown) return undefined
  const error = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error')
  return error === undefined
    ? undefined
    : `parse error \`${error.code}\`: ${error.message.slice(0, 160)}`
}

/** Every policy a set holds, in any layer, as given. */
function policiesOf(set: unknown): unknown[] {
  if (typeof set !== 'object' || set === null) return []
  const layers = set as Record<string, unknown>
  const policies: unknown[] = []
  const list = (value: unknown) => (Array.isArray(value) ? value : [])
  policies.push(...list(layers.identityPolicies))
  for (const single of ['resourcePolicy', 'permissionsBoundary', 'sessionPolicy']) {
    // null or undefined leaves the layer out
    if (layers[single] !== undefined && layers[single] !== null) policies.push(layers[single])
  }
  for (const levels of ['serviceControlPolicies', 'resourceControlPolicies']) {
    for (const level of list(layers[levels])) policies.push(...list(level))
  }
  return policies
}

const decisionOf = (result: EvaluationResult | Thrown): string =>
  result === thrown ? 'thrown' : (result.decision ?? 'errors')

const refusedOverBudget = (result: EvaluationResult | Thrown): boolean =>
  result !== thrown &&
  result.errors !== undefined &&
  result.errors.length > 0 &&
  result.errors.every((error) => error.source === 'budget')

/**
 * Reports a compiled evaluation that decides otherwise than `evaluate`, but for the difference
 * the budget allows: an unexplained evaluation is estimated on the statements it reads, without
 * traces, so it may decide a request that `evaluate` (which always explains) refuses over its
 * budget (docs/SEMANTICS.md §9; `one-budget.property.test.ts` in core holds its decision to
 * `evaluate`'s with the limits raised). Evaluating again without limits here could take the
 * seconds the budget is there to refuse.
 */
function compareDecisions(
  site: CallSite,
  viaCompiled: EvaluationResult | Thrown,
  direct: EvaluationResult | Thrown,
  explain: boolean,
): readonly string[] {
  const decisions = [decisionOf(viaCompiled), decisionOf(direct)]
  const allowed = !explain && refusedOverBudget(direct) && decisions[0] !== 'errors'
  if (!decisions.includes('thrown') && decisions[0] !== decisions[1] && !allowed) {
    site.report('mismatch', 'compiled.evaluate', `compiled ${decisions[0]}, direct ${decisions[1]}`)
  }
  return decisions
}

/**
 * Compiles and evaluates a set, and evaluates it directly: a malformed policy in it must not let
 * an Allow through, and the two ways must decide alike.
 */
function decide(
  site: CallSite,
  set: unknown,
  request: unknown,
  explain: boolean,
  malformed: string | undefined,
): void {
  const options = { catalog: awsCatalog() }
  const policySet = set as PolicySet
  const asked = request as AuthorizationRequest
  const compiled = site.call('core.compilePolicies', () => compilePolicies(policySet, options))
  const viaCompiled =
    compiled === thrown
      ? thrown
      : site.call(
          'compiled.evaluate',
          () => compiled.evaluate(asked, { explain }),
          () => {
            const again = compilePolicies(policySet, options)
            return () => again.evaluate(asked, { explain })
          },
        )
  const direct = site.call('core.evaluate', () => evaluate(asked, policySet, options))
  const decisions = compareDecisions(site, viaCompiled, direct, explain)
  if (malformed !== undefined && decisions.includes('Allow')) {
    site.report(
      'malformed-allow',
      'core.evaluate',
      `${decisions.join(' / ')} (compiled / direct): ${malformed}`,
    )
  }
}

/** The files a policy is kept in that the readers of `@connect-policy/sources` take. */
function policyFiles(policy: unknown): SourceFile[] {
  let text: string
  try {
    text = typeof policy === 'string' ? policy : (JSON.stringify(policy ?? null) ?? 'null')
  } catch {
    // a value JSON cannot write (a BigInt, a cycle) is in no file
    return []
  }
  const resource = {
    address: 'aws_iam_policy.p',
    mode: 'managed',
    type: 'aws_iam_policy',
    values: { policy: text },
  }
  const state = { format_version: '1.0', values: { root_module: { resources: [resource] } } }
  // a policy file alone is validated as written, which `catalog.validatePolicy` covers already
  return [{ name: 'state.json', text: JSON.stringify(state, null, 2) }]
}

function runPolicy(site: CallSite, input: Extract<FuzzCase, { kind: 'policy' }>): void {
  const { policy, placement } = input
  const parsed = site.call('core.parsePolicy', () => parsePolicy(policy as string))
  const document = parsed === thrown ? undefined : parsed.policy
  site.call('core.printPolicy', () => printPolicy(document ?? (policy as string)))
  site.call('catalog.validatePolicy', () =>
    validateWithCatalog(policy as string, { policyType: policyTypeOf[placement] }),
  )
  site.call('core.describePolicy', () =>
    describePolicy(policy as string, { catalog: awsCatalog() }),
  )
  site.call('audit.auditPolicySet', () =>
    auditPolicySet(placed(policy, placement), { catalog: awsCatalog() }),
  )
  // as the JSON string a Terraform state holds it in: positions through escapes
  for (const file of policyFiles(policy)) {
    site.call('sources.validateSource', () =>
      validateSource(readSource(file), { catalog: awsCatalog() }),
    )
  }
  // a single-policy layer given as null or undefined is absent, as JSON writes an absent policy
  const absent = (policy === null || policy === undefined) && singleLayers.includes(placement)
  const malformed = absent ? undefined : malformedBecause(policy, site, parsed)
  decide(site, placed(policy, placement), input.request, input.explain, malformed)
}

function runSet(site: CallSite, input: Extract<FuzzCase, { kind: 'set' }>): void {
  let malformed: string | undefined
  for (const policy of policiesOf(input.set)) {
    malformed ??= malformedBecause(policy, site)
  }
  decide(site, input.set, input.request, input.explain, malformed)
}

const compiledSamples = new Map<number, CompiledPolicySet>()

function runRequest(site: CallSite, input: Extract<FuzzCase, { kind: 'request' }>): void {
  const sample = correctedSamples[input.sample] ?? correctedSamples[0]
  if (sample === undefined) return
  const set = { identityPolicies: [sample.corrected] }
  const options = { catalog: awsCatalog() }
  let compiled = compiledSamples.get(input.sample)
  if (compiled === undefined) {
    compiled = compilePolicies(set, options)
    compiledSamples.set(input.sample, compiled)
  }
  const kept = compiled
  const asked = input.request as AuthorizationRequest
  const viaCompiled = site.call(
    'compiled.evaluate',
    () => kept.evaluate(asked, { explain: input.explain }),
    () => {
      const again = compilePolicies(set, options)
      return () => again.evaluate(asked, { explain: input.explain })
    },
  )
  const direct = site.call('core.evaluate', () => evaluate(asked, set, options))
  compareDecisions(site, viaCompiled, direct, input.explain)
}

const functionsByModule = new Map<string, Map<string, (...args: unknown[]) => unknown>>()

function exported(module: ModuleName, name: string) {
  let functions = functionsByModule.get(module)
  if (functions === undefined) {
    functions = new Map(exportedFunctions(module))
    functionsByModule.set(module, functions)
  }
  return functions.get(name)
}

function runCall(site: CallSite, input: Extract<FuzzCase, { kind: 'call' }>): void {
  const fn = exported(input.module, input.name)
  if (fn === undefined) return
  const target = `${input.module}.${input.name}`
  const result = site.call(target, () => fn(...input.args))
  if (typeof result !== 'object' || result === null) return
  // what an exported function returns with methods (a catalog's lookups, a compiled set's
  // evaluate) is an entry point too
  const methods = Object.entries(result).filter(([, value]) => typeof value === 'function')
  for (const [method, value] of methods.slice(0, 20)) {
    site.call(`${target}().${method}`, () =>
      (value as (...args: unknown[]) => unknown).apply(result, [...input.args]),
    )
  }
}

function runMatch(site: CallSite, input: Extract<FuzzCase, { kind: 'match' }>): void {
  const matchers = { actionMatch, resourceMatch, wildcardMatch }
  const matcher = matchers[input.matcher] as (pattern: unknown, text: unknown) => unknown
  site.call(`core.${input.matcher}`, () => matcher(input.pattern, input.text))
}

function runSample(site: CallSite, input: Extract<FuzzCase, { kind: 'sample' }>): void {
  const sample = input.sample as Sample
  const expectation = input.expectation as Expectation
  const outcome = site.call('samples.evaluateExpectation', () =>
    evaluateExpectation(sample, expectation, { catalog: awsCatalog() }),
  )
  if (outcome !== thrown) site.call('samples.asRecorded', () => asRecorded(outcome))
  site.call('samples.recordedOutcome', () => recordedOutcome(expectation, 'corrected'))
  const printed = (sample as { printed?: Record<string, { text?: unknown } | undefined> })?.printed
  const text = printed?.original?.text ?? printed?.revised?.text
  site.call('samples.fillPlaceholders', () =>
    fillPlaceholders(
      text as string,
      (sample as { placeholders: Sample['placeholders'] })?.placeholders,
    ),
  )
  const errata = (sample as { errata?: unknown })?.errata
  const erratum = Array.isArray(errata) ? (errata[0] as Erratum) : (errata as Erratum)
  site.call('samples.locateErratum', () => locateErratum(sample, erratum, 'original'))
  site.call('samples.printedDocument', () => printedDocument([sample], 'original'))
}

/** Sends one case through every entry point that takes its kind of input. */
export function runCase(site: CallSite, input: FuzzCase): void {
  switch (input.kind) {
    case 'policy':
      runPolicy(site, input)
      break
    case 'set':
      runSet(site, input)
      break
    case 'request':
      runRequest(site, input)
      break
    case 'call':
      runCall(site, input)
      break
    case 'match':
      runMatch(site, input)
      break
    case 'sample':
      runSample(site, input)
      break
  }
}
