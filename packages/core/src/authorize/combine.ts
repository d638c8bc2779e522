import type { PolicyType } from './policy-set.ts'
import type { PolicyLayers } from './prepare.ts'
import type {
  Decision,
  DecisionValue,
  LayerVerdict,
  ResourceDecision,
  StatementRef,
  StatementTrace,
} from './result.ts'

/** What a decision depends on besides the statements: which layers exist, and whose resource it is. */
export interface DecisionSetting {
  readonly layers: PolicyLayers
  /** Whether the resource belongs to another account than the principal. */
  readonly crossAccount: boolean
}

/** Principal forms whose grant in a same-account resource policy goes straight to the caller. */
const directGrants = new Set(['session', 'user', 'anyone', 'service', 'federated', 'canonical'])

const layerWords: Record<PolicyType, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
  serviceControl: 'service control policy',
  resourceControl: 'resource control policy',
}

function names(traces: readonly StatementTrace[]): string {
  return traces
    .map(
      ({ statement }) =>
        `\`${statement.policyName}\` statement ${statement.sid ?? `#${statement.statementIndex}`}`,
    )
    .join(', ')
}

function controls(layers: PolicyLayers) {
  return [
    ['resourceControl', layers.resourceControlLevels],
    ['serviceControl', layers.serviceControlLevels],
  ] as const
}

/** The verdict of every layer present: the identity layer always, the others when given. */
function layerVerdicts(applying: readonly StatementTrace[], layers: PolicyLayers): LayerVerdict[] {
  const verdict = (policyType: PolicyType, level?: number): LayerVerdict => {
    const mine = applying.filter(
      (trace) =>
        trace.statement.policyType === policyType &&
        (level === undefined || trace.statement.level === level),
    )
    const found = mine.some((trace) => trace.statement.effect === 'Deny')
      ? 'Deny'
      : mine.length > 0
        ? 'Allow'
        : 'NoMatch'
    return { policyType, ...(level === undefined ? {} : { level }), verdict: found }
  }
  const present: LayerVerdict[] = []
  for (const [type, levels] of controls(layers)) {
    for (let level = 0; level < levels; level++) present.push(verdict(type, level))
  }
  if (layers.hasResourcePolicy) present.push(verdict('resource'))
  present.push(verdict('identity'))
  if (layers.hasBoundary) present.push(verdict('permissionsBoundary'))
  if (layers.hasSessionPolicy) present.push(verdict('session'))
  return present
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
 */
export function decideResource(
  resource: string,
  statements: readonly StatementTrace[],
  setting: DecisionSetting,
): ResourceDecision {
  const applying = statements.filter((trace) => trace.applies)
  const denying = applying.filter((trace) => trace.statement.effect === 'Deny')
  const layers = layerVerdicts(applying, setting.layers)
  const decided = (
    decision: DecisionValue,
    deciding: readonly StatementTrace[],
    reason: string,
    blockedBy?: PolicyType,
  ): ResourceDecision => ({
    resource,
    decision,
    ...(blockedBy === undefined ? {} : { blockedBy }),
    layers,
    reason,
    deciding: deciding.map((trace) => trace.statement),
    statements,
  })
  if (denying.length > 0)
    return decided('ExplicitDeny', denying, `explicitly denied by ${names(denying)}`)

  const allows = (type: PolicyType, level?: number) =>
    applying.filter(
      (trace) =>
        trace.statement.effect === 'Allow' &&
        trace.statement.policyType === type &&
        (level === undefined || trace.statement.level === level),
    )
  const { crossAccount } = setting
  for (const [type, levels] of controls(setting.layers)) {
    for (let level = 0; level < levels; level++) {
      if (allows(type, level).length === 0) {
        return decided(
          'ImplicitDeny',
          [],
          `no ${layerWords[type]} at level ${level} allows the request`,
          type,
        )
      }
    }
  }
  const controlAllows = [...allows('resourceControl'), ...allows('serviceControl')]
  const resourceAllows = allows('resource')
  const grantKind = (trace: StatementTrace) =>
    trace.elements.find((element) => element.element === 'Principal')?.principal
  const direct = crossAccount
    ? []
    : resourceAllows.filter((trace) => directGrants.has(grantKind(trace) ?? ''))
  if (direct.length > 0) {
    return decided(
      'Allow',
      [...direct, ...controlAllows],
      `allowed by ${names(direct)}, which names the caller directly`,
    )
  }
  const viaRole = crossAccount ? [] : resourceAllows.filter((trace) => grantKind(trace) === 'role')
  const identity = allows('identity')
  if (crossAccount && resourceAllows.length === 0) {
    return decided(
      'ImplicitDeny',
      [],
      'across accounts the resource-based policy must allow, and none does',
      'resource',
    )
  }
  if (viaRole.length === 0 && identity.length === 0) {
    return decided('ImplicitDeny', [], 'no identity-based policy allows the request', 'identity')
  }
  const boundary = allows('permissionsBoundary')
  if (setting.layers.hasBoundary && boundary.length === 0) {
    return decided(
      'ImplicitDeny',
      [],
      'the permissions boundary does not allow the request',
      'permissionsBoundary',
    )
  }
  const session = allows('session')
  if (setting.layers.hasSessionPolicy && session.length === 0) {
    return decided('ImplicitDeny', [], 'the session policy does not allow the request', 'session')
  }
  const granting =
    viaRole.length > 0 && identity.length === 0
      ? viaRole
      : [...identity, ...(crossAccount ? resourceAllows : viaRole)]
  return decided(
    'Allow',
    [...granting, ...boundary, ...session, ...controlAllows],
    `allowed by ${names(granting)}`,
  )
}

/**
 * The decision for a request on several resources, each authorized separately as AWS does for
 * actions such as `connect:CreateUser`: any resource explicitly denied denies the request;
 * otherwise every resource must be allowed.
 */
export function decideRequest(action: string, resources: readonly ResourceDecision[]): Decision {
  const decision: DecisionValue = resources.some((entry) => entry.decision === 'ExplicitDeny')
    ? 'ExplicitDeny'
    : resources.every((entry) => entry.decision === 'Allow')
      ? 'Allow'
      : 'ImplicitDeny'
  const deciding =
    decision === 'ImplicitDeny'
      ? []
      : uniqueRefs(
          resources
            .filter((entry) => entry.decision === decision)
            .flatMap((entry) => entry.deciding),
        )
  return { decision, explanation: { action, deciding, resources } }
}

function refKey(ref: StatementRef): string {
  return `${ref.policyType}/${ref.level ?? 0}/${ref.policyIndex}/${ref.statementIndex}`
}

function uniqueRefs(refs: readonly StatementRef[]): StatementRef[] {
  const seen = new Map<string, StatementRef>()
  for (const ref of refs) if (!seen.has(refKey(ref))) seen.set(refKey(ref), ref)
  return [...seen.values()]
}
