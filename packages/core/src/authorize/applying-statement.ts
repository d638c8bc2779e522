import type { PrincipalMatchKind } from '../evaluate/principal-match.ts'
import type { PolicyType } from './policy-set.ts'
import type { StatementRef, StatementTrace } from './result.ts'

/**
 * A statement that applies to one resource, as the decision rules see it: which statement, how
 * its Principal element named the caller, and its name for reasons. A compiled statement without
 * a Principal keeps one for good, so that deciding allocates none.
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

/** The applying statements of one effect and policy type (and control level, when given). */
export function applyingWith(
  applying: readonly ApplyingStatement[],
  effect: 'Allow' | 'Deny',
  type?: PolicyType,
  level?: number,
): ApplyingStatement[] {
  return applying.filter(
    ({ ref }) =>
      ref.effect === effect &&
      (type === undefined || ref.policyType === type) &&
      (level === undefined || ref.level === level),
  )
}

/**
 * How many statements a reason names: the rest are counted (`and 8395 more`), since the
 * decision's `deciding` lists them. A reason is one sentence, repeated for every resource; 20
 * policies of 420 `Allow *` statements would otherwise make it 300 kB long.
 */
export const reasonLabels = 5

/**
 * The labels of statements, joined for a reason: `` `p` statement A, `p` statement B ``, the
 * first `reasonLabels` of them, and how many more.
 */
export function labels(statements: readonly ApplyingStatement[]): string {
  let joined = ''
  const named = Math.min(statements.length, reasonLabels)
  for (let index = 0; index < named; index++) {
    const { label } = statements[index] as ApplyingStatement
    joined = joined === '' ? label : `${joined}, ${label}`
  }
  const more = statements.length - named
  return more === 0 ? joined : `${joined} and ${more} more`
}

/** The references of the statements of several lists, in order, for `deciding`. */
export function refsOf(...lists: readonly (readonly ApplyingStatement[])[]): StatementRef[] {
  const refs: StatementRef[] = []
  for (const list of lists) for (const { ref } of list) refs.push(ref)
  return refs
}

/** Whether a statement of one effect and policy type (and control level, when given) applies. */
export function anyApplying(
  applying: readonly ApplyingStatement[],
  effect: 'Allow' | 'Deny',
  type?: PolicyType,
  level?: number,
): boolean {
  for (const { ref } of applying) {
    if (
      ref.effect === effect &&
      (type === undefined || ref.policyType === type) &&
      (level === undefined || ref.level === level)
    ) {
      return true
    }
  }
  return false
}
