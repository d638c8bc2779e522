import type { CompiledStatement } from './compiled-statement.ts'
import type { KeyPresence } from './derived-context.ts'
import type { ActionReference } from './request-findings.ts'
import {
  type EvaluationPlan,
  type StatementCost,
  type StatementsCost,
  sumCosts,
} from './work-budget.ts'

/**
 * The statements an action can meet, shared by every action that meets the same ones: a set of
 * 8,400 `Action: *` statements gives each of thousands of actions the same 8,400 candidates, and
 * one list of them serves all.
 */
export interface CandidateList {
  /** The statements whose Action or NotAction admits the actions, in the set's order. */
  readonly statements: readonly CompiledStatement[]
  /** What reading them costs a resource (`work-budget.ts`). */
  readonly cost: StatementsCost
  /** Whether one of them has a condition or a variable, and so reads the caller's context. */
  readonly needsContext: boolean
  /** Estimated bytes of the list. */
  readonly bytes: number
  /** Plans kept that share it. */
  users: number
  /** What an unexplained evaluation reads with it, for its budget: made once, by the set. */
  unexplained?: EvaluationPlan
}

/** What a compiled set knows about one action as a request spells it. */
export interface ActionPlan {
  readonly folded: string
  readonly candidates: CandidateList
  /** Whether AWS sends `connect:InstanceId` with the action, as the service reference says. */
  readonly instanceId: KeyPresence
  /** What the service reference says of the action. */
  readonly reference: ActionReference
  /** Estimated bytes of the plan beside its candidate list. */
  readonly bytes: number
  /** When it was last used, in calls of the cache: the least recently used go first. */
  used: number
}

/**
 * Estimated bytes per item of what a plan holds, from V8's layout on 64-bit Node 20 (a pointer
 * takes 8 bytes; a small object's header 24; a map entry about 40 with its hash table share).
 * The figures are an estimate for a bound, checked against the heap (packages/core/README.md).
 */
const bytesPerPointer = 8
const listOverhead = 160
const planOverhead = 240
const findingOverhead = 160

/** Estimated bytes of a plan beside its candidate list: the action twice, its reference. */
function planBytes(action: string, reference: ActionReference): number {
  let bytes = planOverhead + 4 * action.length
  for (const finding of reference.findings) {
    bytes += findingOverhead + 2 * finding.message.length + 2 * (finding.suggestion?.length ?? 0)
  }
  return bytes + bytesPerPointer * reference.requiredGroups.length
}

/** A hash of the statements' positions, to find a list already kept with the same ones. */
function hashOf(statements: readonly CompiledStatement[]): number {
  let hash = 0x811c9dc5 ^ statements.length
  for (const statement of statements) hash = Math.imul(hash ^ statement.position, 0x01000193)
  return hash >>> 0
}

function sameStatements(
  left: readonly CompiledStatement[],
  right: readonly CompiledStatement[],
): boolean {
  if (left.length !== right.length) return false
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false
  return true
}

/** A compiled set's plans, within a budget of estimated bytes, least recently used out first. */
export interface PlanCache {
  /** The plan kept for an action as the request spells it, noted as used. */
  get(action: string): ActionPlan | undefined
  /**
   * Makes, keeps and returns the plan of an action met for the first time, sharing its
   * candidates with the plans kept that have the same ones. Drops the least recently used plans
   * while the cache is over its budget (down to three quarters of it, so that a full cache does
   * not sort on every new action); a plan larger than the whole budget is returned, not kept.
   */
  add(
    action: string,
    folded: string,
    candidates: readonly CompiledStatement[],
    instanceId: KeyPresence,
    reference: ActionReference,
  ): ActionPlan
  /** Estimated bytes of every plan and candidate list kept. */
  bytes(): number
  /** Plans kept. */
  size(): number
  /** Candidate lists kept, each shared by one plan or more. */
  lists(): number
}

/**
 * A cache of plans bounded by `maxBytes` (estimated), whose candidate lists are shared between
 * actions that meet the same statements. `costs[position]` is what the statement at that
 * position of the set costs a resource.
 */
export function planCache(maxBytes: number, costs: readonly StatementCost[]): PlanCache {
  const plans = new Map<string, ActionPlan>()
  const lists = new Map<number, CandidateList[]>()
  let listCount = 0
  let total = 0
  let clock = 0

  function sharedList(statements: readonly CompiledStatement[]): CandidateList {
    const hash = hashOf(statements)
    const kept = lists.get(hash)
    if (kept !== undefined) {
      for (const list of kept) if (sameStatements(list.statements, statements)) return list
    }
    const own: StatementCost[] = []
    let needsContext = false
    for (const statement of statements) {
      own.push(costs[statement.position] as StatementCost)
      if (statement.needsContext) needsContext = true
    }
    const list: CandidateList = {
      statements,
      cost: sumCosts(own),
      needsContext,
      bytes: listOverhead + bytesPerPointer * statements.length,
      users: 0,
    }
    if (kept === undefined) lists.set(hash, [list])
    else kept.push(list)
    listCount++
    return list
  }

  function drop(action: string, plan: ActionPlan) {
    plans.delete(action)
    total -= plan.bytes
    const list = plan.candidates
    if (--list.users > 0) return
    total -= list.bytes
    const hash = hashOf(list.statements)
    const kept = lists.get(hash) ?? []
    const rest = kept.filter((entry) => entry !== list)
    if (rest.length === 0) lists.delete(hash)
    else lists.set(hash, rest)
    listCount--
  }

  function evict() {
    const byAge = [...plans].sort(([, a], [, b]) => a.used - b.used)
    const target = Math.floor((maxBytes * 3) / 4)
    for (const [action, plan] of byAge) {
      if (total <= target) break
      drop(action, plan)
    }
  }

  return {
    get(action) {
      const plan = plans.get(action)
      if (plan !== undefined) plan.used = ++clock
      return plan
    },
    add(action, folded, candidates, instanceId, reference) {
      const list = sharedList(candidates)
      const plan: ActionPlan = {
        folded,
        candidates: list,
        instanceId,
        reference,
        bytes: planBytes(action, reference),
        used: ++clock,
      }
      plans.set(action, plan)
      if (list.users++ === 0) total += list.bytes
      total += plan.bytes
      if (total > maxBytes) evict()
      return plan
    },
    bytes: () => total,
    size: () => plans.size,
    lists: () => listCount,
  }
}
