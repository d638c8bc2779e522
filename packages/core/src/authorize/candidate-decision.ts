import type { PrincipalMatchKind } from '../evaluate/principal-match.ts'
import type { Effect } from '../model/index.ts'
import {
  type ApplyingStatement,
  boundaryAllow,
  controlAllow,
  controlLevelDeny,
  decideResource,
  directResourceAllow,
  type GrantFilter,
  grantPasses,
  identityAllow,
  missingAllow,
  resourceAllow,
  resourceDecision,
  roleResourceAllow,
  sessionAllow,
} from './combine.ts'
import { admitsResource, type CompiledStatement } from './compiled-statement.ts'
import { isCrossAccount } from './cross-account.ts'
import { contextForResource, type KeyPresence } from './derived-context.ts'
import type { PolicyType } from './policy-set.ts'
import type { PolicyLayers } from './prepare.ts'
import type { RequestContext } from './request-context.ts'
import type { LayerVerdict, ResourceDecision, StatementRef, StatementTrace } from './result.ts'

/** Every statement traced, when an explanation is asked for: here, none. */
const noTraces: readonly StatementTrace[] = Object.freeze([])

/**
 * Levels of control policies are kept one bit each in a 32-bit mask; a set with more levels (no
 * organization has them) is decided from a list of the applying statements instead.
 */
const maskedLevels = 31

// One bit per layer without levels, for the masks of layers where a statement applies or denies.
const resourceLayer = 1
const identityLayer = 2
const boundaryLayer = 4
const sessionLayer = 8

function layerBit(type: PolicyType): number {
  switch (type) {
    case 'resource':
      return resourceLayer
    case 'identity':
      return identityLayer
    case 'permissionsBoundary':
      return boundaryLayer
    default:
      return sessionLayer
  }
}

function verdictOf(bit: number, applies: number, denies: number): LayerVerdict['verdict'] {
  if ((denies & bit) !== 0) return 'Deny'
  return (applies & bit) !== 0 ? 'Allow' : 'NoMatch'
}

/** What a statement's Principal made of the caller, as `admitsResource` answers it. */
function grantOf(admitted: PrincipalMatchKind | true): PrincipalMatchKind | undefined {
  return admitted === true ? undefined : admitted
}

/**
 * Appends to `deciding`, in the set's order, the candidates from `from` to `to` (inclusive) of an
 * effect (and policy type, when given) that apply and pass the filter, and their labels to
 * `names`, which it returns. Whether a statement applies is asked again rather than remembered:
 * that keeps deciding free of per-call lists, and only the statements that decide are asked.
 */
function appendApplying(
  candidates: readonly CompiledStatement[],
  from: number,
  to: number,
  resource: string,
  context: RequestContext | undefined,
  principal: string | undefined,
  effect: Effect,
  type: PolicyType | undefined,
  filter: GrantFilter,
  deciding: StatementRef[],
  names: string,
): string {
  let joined = names
  for (let index = from; index <= to; index++) {
    const statement = candidates[index] as CompiledStatement
    const { ref } = statement
    if (ref.effect !== effect || (type !== undefined && ref.policyType !== type)) continue
    const admitted = admitsResource(statement, resource, context, principal)
    if (admitted === false || !grantPasses(grantOf(admitted), filter)) continue
    deciding.push(ref)
    joined = joined === '' ? statement.applying.label : `${joined}, ${statement.applying.label}`
  }
  return joined
}

/**
 * The decision for one resource from the candidate statements of the action, the same as
 * `decideResource` gives for the list of those that apply, without building that list: one pass
 * notes, in bit masks, which layers (and control levels) have a statement that applies, denies
 * or allows, and which kinds of Allow apply; only the statements that end up deciding are
 * matched again, to be listed. The request context is built only for a statement with a
 * condition or a variable; `caller` is the caller's own checked context keys; `instanceId`, whether
 * AWS sends `connect:InstanceId` with the action.
 */
export function decideCandidates(
  candidates: readonly CompiledStatement[],
  layers: PolicyLayers,
  action: string,
  principal: string | undefined,
  time: string | number | Date | undefined,
  caller: RequestContext,
  resource: string,
  instanceId: KeyPresence,
): ResourceDecision {
  if (layers.resourceControlLevels > maskedLevels || layers.serviceControlLevels > maskedLevels) {
    return decideListed(candidates, layers, action, principal, time, caller, resource, instanceId)
  }
  let context: RequestContext | undefined
  let first = -1
  let last = -1
  let firstDeny = -1
  let groups = 0
  let applies = 0
  let denies = 0
  let controlApplies = 0
  let controlDenies = 0
  let controlAllows = 0
  let scpApplies = 0
  let scpDenies = 0
  let scpAllows = 0
  for (let index = 0; index < candidates.length; index++) {
    const statement = candidates[index] as CompiledStatement
    if (statement.needsContext) {
      context ??= contextForResource(action, principal, time, caller, resource, instanceId)
    }
    const admitted = admitsResource(statement, resource, context, principal)
    if (admitted === false) continue
    if (first < 0) first = index
    last = index
    const { ref } = statement
    const deny = ref.effect === 'Deny'
    if (deny && firstDeny < 0) firstDeny = index
    const type = ref.policyType
    if (type === 'resourceControl' || type === 'serviceControl') {
      const bit = 1 << (ref.level ?? 0)
      if (type === 'resourceControl') {
        controlApplies |= bit
        if (deny) controlDenies |= bit
        else controlAllows |= bit
      } else {
        scpApplies |= bit
        if (deny) scpDenies |= bit
        else scpAllows |= bit
      }
      if (!deny) groups |= controlAllow
      continue
    }
    const bit = layerBit(type)
    applies |= bit
    if (deny) {
      denies |= bit
      continue
    }
    if (type === 'identity') groups |= identityAllow
    else if (type === 'permissionsBoundary') groups |= boundaryAllow
    else if (type === 'session') groups |= sessionAllow
    else {
      const grant = grantOf(admitted)
      groups |= resourceAllow
      if (grantPasses(grant, 'direct')) groups |= directResourceAllow
      if (grantPasses(grant, 'role')) groups |= roleResourceAllow
    }
  }

  // the verdict of every layer present, in `decideResource`'s order, in an array of the size it
  // ends up (pushing onto an empty one would reserve room for 17)
  const count =
    layers.resourceControlLevels +
    layers.serviceControlLevels +
    (layers.hasResourcePolicy ? 1 : 0) +
    1 +
    (layers.hasBoundary ? 1 : 0) +
    (layers.hasSessionPolicy ? 1 : 0)
  const verdicts = new Array<LayerVerdict>(count)
  let at = 0
  for (let level = 0; level < layers.resourceControlLevels; level++) {
    const verdict = verdictOf(1 << level, controlApplies, controlDenies)
    verdicts[at++] = { policyType: 'resourceControl', level, verdict }
  }
  for (let level = 0; level < layers.serviceControlLevels; level++) {
    const verdict = verdictOf(1 << level, scpApplies, scpDenies)
    verdicts[at++] = { policyType: 'serviceControl', level, verdict }
  }
  if (layers.hasResourcePolicy) {
    verdicts[at++] = { policyType: 'resource', verdict: verdictOf(resourceLayer, applies, denies) }
  }
  verdicts[at++] = { policyType: 'identity', verdict: verdictOf(identityLayer, applies, denies) }
  if (layers.hasBoundary) {
    const verdict = verdictOf(boundaryLayer, applies, denies)
    verdicts[at++] = { policyType: 'permissionsBoundary', verdict }
  }
  if (layers.hasSessionPolicy) {
    verdicts[at] = { policyType: 'session', verdict: verdictOf(sessionLayer, applies, denies) }
  }

  if (firstDeny >= 0) {
    const deciding: StatementRef[] = []
    const names = appendApplying(
      candidates,
      firstDeny,
      last,
      resource,
      context,
      principal,
      'Deny',
      undefined,
      'any',
      deciding,
      '',
    )
    const reason = `explicitly denied by ${names}`
    return resourceDecision(
      resource,
      'ExplicitDeny',
      undefined,
      verdicts,
      reason,
      deciding,
      noTraces,
    )
  }
  for (let level = 0; level < layers.resourceControlLevels; level++) {
    if ((controlAllows & (1 << level)) === 0) {
      return controlLevelDeny(resource, 'resourceControl', level, verdicts, noTraces)
    }
  }
  for (let level = 0; level < layers.serviceControlLevels; level++) {
    if ((scpAllows & (1 << level)) === 0) {
      return controlLevelDeny(resource, 'serviceControl', level, verdicts, noTraces)
    }
  }
  const crossAccount = isCrossAccount(principal, resource, caller)
  if (!crossAccount && (groups & directResourceAllow) !== 0) {
    const deciding: StatementRef[] = []
    const direct = appendApplying(
      candidates,
      first,
      last,
      resource,
      context,
      principal,
      'Allow',
      'resource',
      'direct',
      deciding,
      '',
    )
    appendLayerAllows(
      candidates,
      first,
      last,
      resource,
      context,
      principal,
      groups,
      controlLayers,
      deciding,
    )
    const reason = `allowed by ${direct}, which names the caller directly`
    return resourceDecision(resource, 'Allow', undefined, verdicts, reason, deciding, noTraces)
  }
  const missing = missingAllow(resource, groups, layers, crossAccount, verdicts, noTraces)
  if (missing !== undefined) return missing
  const deciding: StatementRef[] = []
  // the granting layers, as `decideResource` lists them, then the limiting ones
  const viaRole = !crossAccount && (groups & roleResourceAllow) !== 0
  const granting: PolicyType = viaRole && (groups & identityAllow) === 0 ? 'resource' : 'identity'
  let names = appendApplying(
    candidates,
    first,
    last,
    resource,
    context,
    principal,
    'Allow',
    granting,
    granting === 'resource' ? 'role' : 'any',
    deciding,
    '',
  )
  if (granting === 'identity' && (groups & resourceAllow) !== 0) {
    names = appendApplying(
      candidates,
      first,
      last,
      resource,
      context,
      principal,
      'Allow',
      'resource',
      crossAccount ? 'any' : 'role',
      deciding,
      names,
    )
  }
  appendLayerAllows(
    candidates,
    first,
    last,
    resource,
    context,
    principal,
    groups,
    limitingLayers,
    deciding,
  )
  appendLayerAllows(
    candidates,
    first,
    last,
    resource,
    context,
    principal,
    groups,
    controlLayers,
    deciding,
  )
  const reason = `allowed by ${names}`
  return resourceDecision(resource, 'Allow', undefined, verdicts, reason, deciding, noTraces)
}

/** Layers that limit an Allow without granting it, each with its bit in the Allow groups. */
const limitingLayers: readonly (readonly [PolicyType, number])[] = [
  ['permissionsBoundary', boundaryAllow],
  ['session', sessionAllow],
]

/** Resource control policies, then SCPs: their Allows apply under one group bit. */
const controlLayers: readonly (readonly [PolicyType, number])[] = [
  ['resourceControl', controlAllow],
  ['serviceControl', controlAllow],
]

/** Appends the applying Allow statements of each layer whose group bit is set. */
function appendLayerAllows(
  candidates: readonly CompiledStatement[],
  first: number,
  last: number,
  resource: string,
  context: RequestContext | undefined,
  principal: string | undefined,
  groups: number,
  layersToList: readonly (readonly [PolicyType, number])[],
  deciding: StatementRef[],
): void {
  // index loops: an iterator would be one more allocation before the optimizer removes it
  for (let index = 0; index < layersToList.length; index++) {
    const [type, bit] = layersToList[index] as readonly [PolicyType, number]
    if ((groups & bit) === 0) continue
    appendApplying(
      candidates,
      first,
      last,
      resource,
      context,
      principal,
      'Allow',
      type,
      'any',
      deciding,
      '',
    )
  }
}

/**
 * The decision from the list of candidates that apply, for a set with more control levels than
 * the masks above hold: what `decideCandidates` gives, at the cost of the list.
 */
function decideListed(
  candidates: readonly CompiledStatement[],
  layers: PolicyLayers,
  action: string,
  principal: string | undefined,
  time: string | number | Date | undefined,
  caller: RequestContext,
  resource: string,
  instanceId: KeyPresence,
): ResourceDecision {
  const applying: ApplyingStatement[] = []
  let context: RequestContext | undefined
  for (const statement of candidates) {
    if (statement.needsContext) {
      context ??= contextForResource(action, principal, time, caller, resource, instanceId)
    }
    const admitted = admitsResource(statement, resource, context, principal)
    if (admitted === false) continue
    applying.push(
      admitted === true
        ? statement.applying
        : { ref: statement.ref, grant: admitted, label: statement.applying.label },
    )
  }
  const crossAccount = isCrossAccount(principal, resource, caller)
  return decideResource(resource, applying, layers, crossAccount, noTraces)
}
