import type { PrincipalMatchKind } from '../evaluate/principal-match.ts'
import type { PolicyType } from './policy-set.ts'
import type { PolicyLayers } from './prepare.ts'
import type {
  Decision,
  DecisionValue,
  EvaluationFinding,
  LayerVerdict,
  ResourceDecision,
  StatementRef,
  StatementTrace,
} from './result.ts'

/**
 * A statement that applies to one resource, as the combination of policies sees it: which
 * statement, how its Principal element named the caller, and its name for reasons. A compiled
 * statement without a Principal keeps one for good, so that deciding allocates none.
 */
export interface ApplyingStatement {
  readonly ref: StatementRef
  readonly grant?: PrincipalMatchKind
  /** `` `policy` statement Sid `` (or `#index`), as reasons name it. */
  readonly label: string
}

/** How a statement is named in reasons. */
export function statementLabel(ref: StatementRef): string {
  return `\`${ref.policyName}\` statement ${ref.sid ?? `#${ref.statementIndex}`}`
}

/** The applying statements of an explanation's traces. */
export function applyingOf(traces: readonly StatementTrace[]): ApplyingStatement[] {
  const applying: ApplyingStatement[] = []
  for (const trace of traces) {
    if (!trace.applies) continue
    const grant = trace.elements.find((element) => element.element === 'Principal')?.principal
    const label = statementLabel(trace.statement)
    applying.push(
      grant === undefined
        ? { ref: trace.statement, label }
        : { ref: trace.statement, grant, label },
    )
  }
  return applying
}

/** Principal forms whose grant in a same-account resource policy goes straight to the caller. */
const directGrants: ReadonlySet<string> = new Set([
  'session',
  'user',
  'anyone',
  'service',
  'federated',
  'canonical',
])

const layerWords: Record<PolicyType, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
  serviceControl: 'service control policy',
  resourceControl: 'resource control policy',
}

/** Which statements of a resource-based policy count: all, those naming the caller directly, or its role. */
export type GrantFilter = 'any' | 'direct' | 'role'

/** Whether a statement that named the caller as `grant` (if at all) counts under the filter. */
export function grantPasses(grant: PrincipalMatchKind | undefined, filter: GrantFilter): boolean {
  if (filter === 'any') return true
  if (filter === 'role') return grant === 'role'
  return grant !== undefined && directGrants.has(grant)
}

function passes(entry: ApplyingStatement, filter: GrantFilter): boolean {
  return grantPasses(entry.grant, filter)
}

/** Whether an applying statement is an Allow of the policy type (and level, when given). */
function allowsIn(entry: ApplyingStatement, type: PolicyType, level: number | undefined): boolean {
  const { ref } = entry
  return (
    ref.effect === 'Allow' &&
    ref.policyType === type &&
    (level === undefined || ref.level === level)
  )
}

function countAllows(
  applying: readonly ApplyingStatement[],
  type: PolicyType,
  level: number | undefined,
  filter: GrantFilter,
): number {
  let count = 0
  for (const entry of applying) if (allowsIn(entry, type, level) && passes(entry, filter)) count++
  return count
}

/**
 * Appends the Allow statements of a policy type, in order, to `deciding`, and their labels to
 * `names`, which it returns.
 */
function appendAllows(
  applying: readonly ApplyingStatement[],
  type: PolicyType,
  filter: GrantFilter,
  deciding: StatementRef[],
  names: string,
): string {
  let joined = names
  for (const entry of applying) {
    if (!allowsIn(entry, type, undefined) || !passes(entry, filter)) continue
    deciding.push(entry.ref)
    joined = joined === '' ? entry.label : `${joined}, ${entry.label}`
  }
  return joined
}

function layerVerdict(
  applying: readonly ApplyingStatement[],
  policyType: PolicyType,
  level: number | undefined,
): LayerVerdict {
  let verdict: LayerVerdict['verdict'] = 'NoMatch'
  for (const { ref } of applying) {
    if (ref.policyType !== policyType || (level !== undefined && ref.level !== level)) continue
    if (ref.effect === 'Deny') {
      verdict = 'Deny'
      break
    }
    verdict = 'Allow'
  }
  return level === undefined ? { policyType, verdict } : { policyType, level, verdict }
}

/** The verdict of every layer present: the identity layer always, the others when given. */
function layerVerdicts(
  applying: readonly ApplyingStatement[],
  layers: PolicyLayers,
): LayerVerdict[] {
  const present: LayerVerdict[] = []
  for (let level = 0; level < layers.resourceControlLevels; level++) {
    present.push(layerVerdict(applying, 'resourceControl', level))
  }
  for (let level = 0; level < layers.serviceControlLevels; level++) {
    present.push(layerVerdict(applying, 'serviceControl', level))
  }
  if (layers.hasResourcePolicy) present.push(layerVerdict(applying, 'resource', undefined))
  present.push(layerVerdict(applying, 'identity', undefined))
  if (layers.hasBoundary) present.push(layerVerdict(applying, 'permissionsBoundary', undefined))
  if (layers.hasSessionPolicy) present.push(layerVerdict(applying, 'session', undefined))
  return present
}

export function resourceDecision(
  resource: string,
  decision: DecisionValue,
  blockedBy: PolicyType | undefined,
  layers: readonly LayerVerdict[],
  reason: string,
  deciding: readonly StatementRef[],
  statements: readonly StatementTrace[],
): ResourceDecision {
  return blockedBy === undefined
    ? { resource, decision, layers, reason, deciding, statements }
    : { resource, decision, blockedBy, layers, reason, deciding, statements }
}

export function implicitDeny(
  resource: string,
  reason: string,
  blockedBy: PolicyType,
  layers: readonly LayerVerdict[],
  statements: readonly StatementTrace[],
): ResourceDecision {
  return resourceDecision(resource, 'ImplicitDeny', blockedBy, layers, reason, [], statements)
}

/** The implicit deny by a level of resource control policies or SCPs where nothing allows. */
export function controlLevelDeny(
  resource: string,
  type: PolicyType,
  level: number,
  layers: readonly LayerVerdict[],
  statements: readonly StatementTrace[],
): ResourceDecision {
  const reason = `no ${layerWords[type]} at level ${level} allows the request`
  return implicitDeny(resource, reason, type, layers, statements)
}

// Which kinds of Allow apply, one bit each, found in one pass so that a kind absent from the
// applying statements costs no further pass over them.
export const identityAllow = 1
export const resourceAllow = 2
export const directResourceAllow = 4
export const roleResourceAllow = 8
export const boundaryAllow = 16
export const sessionAllow = 32
export const controlAllow = 64

function allowGroups(applying: readonly ApplyingStatement[]): number {
  let groups = 0
  for (const entry of applying) {
    if (entry.ref.effect !== 'Allow') continue
    switch (entry.ref.policyType) {
      case 'identity':
        groups |= identityAllow
        break
      case 'resource':
        groups |= resourceAllow
        if (passes(entry, 'direct')) groups |= directResourceAllow
        if (passes(entry, 'role')) groups |= roleResourceAllow
        break
      case 'permissionsBoundary':
        groups |= boundaryAllow
        break
      case 'session':
        groups |= sessionAllow
        break
      default:
        groups |= controlAllow
    }
  }
  return groups
}

/**
 * Steps 4 and 5 of `decideResource`, from the kinds of Allow that apply (`groups`, once no
 * resource-based policy has named the caller directly): the implicit deny by the first layer that
 * must allow and does not, or undefined when every one allows.
 */
export function missingAllow(
  resource: string,
  groups: number,
  presentLayers: PolicyLayers,
  crossAccount: boolean,
  layers: readonly LayerVerdict[],
  statements: readonly StatementTrace[],
): ResourceDecision | undefined {
  if (crossAccount && (groups & resourceAllow) === 0) {
    const reason = 'across accounts the resource-based policy must allow, and none does'
    return implicitDeny(resource, reason, 'resource', layers, statements)
  }
  const viaRole = !crossAccount && (groups & roleResourceAllow) !== 0
  if (!viaRole && (groups & identityAllow) === 0) {
    const reason = 'no identity-based policy allows the request'
    return implicitDeny(resource, reason, 'identity', layers, statements)
  }
  if (presentLayers.hasBoundary && (groups & boundaryAllow) === 0) {
    const reason = 'the permissions boundary does not allow the request'
    return implicitDeny(resource, reason, 'permissionsBoundary', layers, statements)
  }
  if (presentLayers.hasSessionPolicy && (groups & sessionAllow) === 0) {
    const reason = 'the session policy does not allow the request'
    return implicitDeny(resource, reason, 'session', layers, statements)
  }
  return undefined
}

/** Appends the Allow statements of resource control policies, then of SCPs. */
function appendControlAllows(
  applying: readonly ApplyingStatement[],
  groups: number,
  deciding: StatementRef[],
): void {
  if ((groups & controlAllow) === 0) return
  appendAllows(applying, 'resourceControl', 'any', deciding, '')
  appendAllows(applying, 'serviceControl', 'any', deciding, '')
}

/** The first control level (resource control policies first) that allows nothing, if any. */
function blockingControl(
  applying: readonly ApplyingStatement[],
  layers: PolicyLayers,
): { readonly type: PolicyType; readonly level: number } | undefined {
  for (let level = 0; level < layers.resourceControlLevels; level++) {
    if (countAllows(applying, 'resourceControl', level, 'any') === 0) {
      return { type: 'resourceControl', level }
    }
  }
  for (let level = 0; level < layers.serviceControlLevels; level++) {
    if (countAllows(applying, 'serviceControl', level, 'any') === 0) {
      return { type: 'serviceControl', level }
    }
  }
  return undefined
}

/**
 * The decision for one resource (*Policy evaluation logic*; *How AWS enforcement code logic
 * evaluates requests*; *Cross-account policy evaluation logic*; the grant table of
 * *Permissions boundaries for IAM entities*):
 * 1. an applying Deny in any policy denies;
 * 2. every level of resource control policies, then of service control policies, must allow;
 * 3. in the same account, a resource-based policy that names the caller's session, IAM user or
 *    everyone (`*`) allows on its own; one that names the caller's role still needs the
 *    permissions boundary and session policy; one that names the account needs an identity
 *    policy too;
 * 4. otherwise an identity-based policy must allow, and across accounts the resource-based
 *    policy as well;
 * 5. a permissions boundary and a session policy, where present, must allow.
 *
 * `applying` lists the statements that apply, in the order of the policy set; `presentLayers`
 * says which layers the set has; `crossAccount`, whether the resource belongs to another account
 * than the principal; `statements` is the explanation's account of every statement (empty when
 * none is asked for). Each group is counted before any list is built, so that a decision
 * allocates only what it returns.
 */
export function decideResource(
  resource: string,
  applying: readonly ApplyingStatement[],
  presentLayers: PolicyLayers,
  crossAccount: boolean,
  statements: readonly StatementTrace[],
): ResourceDecision {
  const layers = layerVerdicts(applying, presentLayers)
  let denies = ''
  for (const entry of applying) {
    if (entry.ref.effect === 'Deny')
      denies = denies === '' ? entry.label : `${denies}, ${entry.label}`
  }
  if (denies !== '') {
    const deciding: StatementRef[] = []
    for (const entry of applying) if (entry.ref.effect === 'Deny') deciding.push(entry.ref)
    const reason = `explicitly denied by ${denies}`
    return resourceDecision(
      resource,
      'ExplicitDeny',
      undefined,
      layers,
      reason,
      deciding,
      statements,
    )
  }
  const blocked = blockingControl(applying, presentLayers)
  if (blocked !== undefined) {
    return controlLevelDeny(resource, blocked.type, blocked.level, layers, statements)
  }
  const groups = allowGroups(applying)
  if (!crossAccount && (groups & directResourceAllow) !== 0) {
    const deciding: StatementRef[] = []
    const direct = appendAllows(applying, 'resource', 'direct', deciding, '')
    appendControlAllows(applying, groups, deciding)
    const reason = `allowed by ${direct}, which names the caller directly`
    return resourceDecision(resource, 'Allow', undefined, layers, reason, deciding, statements)
  }
  const missing = missingAllow(resource, groups, presentLayers, crossAccount, layers, statements)
  if (missing !== undefined) return missing
  const deciding: StatementRef[] = []
  let granting = ''
  const viaRole = !crossAccount && (groups & roleResourceAllow) !== 0
  if (viaRole && (groups & identityAllow) === 0) {
    granting = appendAllows(applying, 'resource', 'role', deciding, granting)
  } else {
    granting = appendAllows(applying, 'identity', 'any', deciding, granting)
    if ((groups & resourceAllow) !== 0) {
      const filter = crossAccount ? 'any' : 'role'
      granting = appendAllows(applying, 'resource', filter, deciding, granting)
    }
  }
  if ((groups & boundaryAllow) !== 0) {
    appendAllows(applying, 'permissionsBoundary', 'any', deciding, '')
  }
  if ((groups & sessionAllow) !== 0) appendAllows(applying, 'session', 'any', deciding, '')
  appendControlAllows(applying, groups, deciding)
  return resourceDecision(
    resource,
    'Allow',
    undefined,
    layers,
    `allowed by ${granting}`,
    deciding,
    statements,
  )
}

function refKey(ref: StatementRef): string {
  return `${ref.policyType}/${ref.level ?? 0}/${ref.policyIndex}/${ref.statementIndex}`
}

/**
 * The decision for a request on several resources, each authorized separately as AWS does for
 * actions such as `connect:CreateUser`: any resource explicitly denied denies the request;
 * otherwise every resource must be allowed.
 */
export function decideRequest(
  action: string,
  resources: readonly ResourceDecision[],
  findings: readonly EvaluationFinding[],
): Decision {
  const [only] = resources
  if (resources.length === 1 && only !== undefined) {
    // one resource lists each statement once: its decision and statements are the request's
    const deciding = only.decision === 'ImplicitDeny' ? [] : only.deciding.slice()
    return { decision: only.decision, explanation: { action, deciding, resources }, findings }
  }
  let denied = false
  let allowed = true
  for (const entry of resources) {
    if (entry.decision === 'ExplicitDeny') denied = true
    if (entry.decision !== 'Allow') allowed = false
  }
  const decision: DecisionValue = denied ? 'ExplicitDeny' : allowed ? 'Allow' : 'ImplicitDeny'
  const deciding: StatementRef[] = []
  if (decision !== 'ImplicitDeny') {
    // several resources may share statements, listed once
    const seen = new Set<string>()
    for (const entry of resources) {
      if (entry.decision !== decision) continue
      for (const ref of entry.deciding) {
        const key = refKey(ref)
        if (seen.has(key)) continue
        seen.add(key)
        deciding.push(ref)
      }
    }
  }
  return { decision, explanation: { action, deciding, resources }, findings }
}
