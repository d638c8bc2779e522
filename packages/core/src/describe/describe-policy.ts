import {
  type Catalog,
  type FormatComparisonWork,
  formatComparisonWork,
  isCatalog,
  policyComparisonSteps,
} from '../catalog/index.ts'
import {
  type BudgetOptions,
  type Effect,
  effects,
  type OverBudget,
  overBudgetMessage,
  type PolicyDocument,
  readBudget,
  type Statement,
} from '../model/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { type ActionsDescription, describeActions } from './describe-actions.ts'
import { describeCondition } from './describe-condition.ts'
import { describeEffectiveAccess, type EffectiveAccessDescription } from './describe-effective.ts'
import { describePrincipals } from './describe-principals.ts'
import { describeResources, type ResourcesDescription } from './describe-resources.ts'
import { descriptionOverBudget, effectiveAccessBytes } from './description-budget.ts'
import { joinWords, quote } from './words.ts'

/** One statement of a policy in words, and the parts the words are made of. */
export interface StatementDescription {
  readonly statementIndex: number
  readonly sid?: string
  /** Absent when the statement has no valid `Effect`. */
  readonly effect?: Effect
  readonly actions?: ActionsDescription
  readonly resources?: ResourcesDescription
  /** Who the statement is about, for policies with a `Principal` (resource-based, trust). */
  readonly principals?: string
  /** Each Condition clause in words; all must hold for the statement to apply. */
  readonly conditions: readonly string[]
  /** The whole statement as one sentence. */
  readonly text: string
}

/** What a policy allows and denies, in plain language. */
export interface PolicyDescription {
  readonly errors?: never
  readonly statements: readonly StatementDescription[]
  /** The sentences of the Allow statements. */
  readonly allows: readonly string[]
  /** The sentences of the Deny statements. */
  readonly denies: readonly string[]
  /** How the statements combine, in a sentence each (a Deny wins; nothing else is allowed). */
  readonly rules: readonly string[]
  /**
   * What the policy grants in effect, over every request, with a catalog (`effective` not
   * `false`): the grants of `summarizeAccess`, each with a request the evaluator allows.
   * Absent without a catalog, or when the policy cannot be evaluated.
   */
  readonly effective?: EffectiveAccessDescription
  /** The statements, the rules and the effective access, as a paragraph. */
  readonly text: string
}

export interface DescribeOptions {
  /** Names actions by service and access level, and ARNs by resource type; without it, patterns are quoted. */
  readonly catalog?: Catalog
  /**
   * What the description may cost (`Budget`): its lists of the reference hold at most
   * `maxListed` names each, and a description estimated over `maxAnswerBytes` is refused.
   */
  readonly budget?: BudgetOptions
  /**
   * Whether, with a catalog, the description says what the policy grants in effect (`effective`,
   * `summarizeAccess` within bounded work); `true` unless `false` is given.
   */
  readonly effective?: boolean
}

/** Why a policy was not described: a budget given wrong (`options`), or one it would pass. */
export interface DescriptionError {
  readonly source: 'options' | 'budget'
  readonly message: string
  /** For `source: 'budget'`: the limit the description would pass, its estimate and what is allowed. */
  readonly overBudget?: OverBudget
}

/** A description refused: nothing was described. */
export interface DescriptionFailure {
  readonly statements?: never
  readonly errors: readonly DescriptionError[]
}

/** A description, or why there is none. */
export type DescriptionResult = PolicyDescription | DescriptionFailure

function effectOf(statement: Statement): Effect | undefined {
  const value = statement.effect?.value
  return effects.find((effect) => effect === value)
}

function describeStatement(
  statement: Statement,
  statementIndex: number,
  catalog: Catalog | undefined,
  maxListed: number,
  work: FormatComparisonWork,
): StatementDescription {
  const effect = effectOf(statement)
  const sid = statement.sid?.value
  const actions =
    statement.action === undefined
      ? undefined
      : describeActions(statement.action, catalog, maxListed)
  const resources =
    statement.resource === undefined
      ? undefined
      : describeResources(statement.resource, catalog, maxListed, work)
  const principals =
    statement.principal === undefined ? undefined : describePrincipals(statement.principal)
  const conditions = statement.condition?.clauses.map(describeCondition) ?? []
  const verb =
    effect === undefined
      ? `has ${statement.effect === undefined ? 'no Effect' : `the Effect ${quote(statement.effect.value)}, neither \`Allow\` nor \`Deny\``}, so AWS refuses the policy; it names`
      : effect === 'Allow'
        ? 'allows'
        : 'denies'
  const parts = [
    verb,
    actions === undefined ? 'no action (it has no Action)' : actions.text,
    ...(resources === undefined ? [] : [`on ${resources.text}`]),
    ...(principals === undefined ? [] : [`for ${principals}`]),
    ...(conditions.length === 0 ? [] : [`when ${joinWords(conditions)}`]),
  ]
  const name = `Statement #${statementIndex}${sid === undefined ? '' : ` (${quote(sid)})`}`
  return {
    statementIndex,
    ...(sid === undefined ? {} : { sid }),
    ...(effect === undefined ? {} : { effect }),
    ...(actions === undefined ? {} : { actions }),
    ...(resources === undefined ? {} : { resources }),
    ...(principals === undefined ? {} : { principals }),
    conditions,
    text: `${name} ${parts.join(' ')}.`,
  }
}

/**
 * Says in plain language what each statement of a policy allows or denies: actions by service
 * and access level, resources by resource type, principals, and conditions in words, reading
 * the policy as written (a policy with errors is described as far as it could be read). With a
 * catalog it also says what the policy grants in effect (`effective`): the access
 * `summarizeAccess` finds over every request, after Denies, NotAction and NotResource, each
 * grant with a request `evaluate` allows, so those words agree with evaluation. Takes a parsed
 * document, policy text or the object `JSON.parse` makes of it; a value with no policy in it is
 * described as such.
 *
 * Within the budget (`options.budget`, `describe/description-budget.ts`): each list of names
 * drawn from the service reference holds at most `maxListed` of them and counts the others
 * (`omittedServices`, `omittedActions`, `omittedResourceTypes`), the words name a few and say
 * how many more; a policy whose description would still pass `maxAnswerBytes` is refused up
 * front, with an error whose `source` is `budget`.
 */
export function describePolicy(
  policy: PolicyDocument | string | object,
  options: DescribeOptions = {},
): DescriptionResult {
  const given: Partial<DescribeOptions> =
    typeof options === 'object' && options !== null ? options : {}
  const budget = readBudget(given.budget)
  if (budget.problems !== undefined) {
    return {
      errors: budget.problems.map((message) => ({ source: 'options' as const, message })),
    }
  }
  const read = parsePolicy(policy).policy
  if (read === undefined) {
    const text = 'This is not a policy: nothing can be said of what it allows.'
    return { statements: [], allows: [], denies: [], rules: [], text }
  }
  const catalog = isCatalog(given.catalog) ? given.catalog : undefined
  const withEffective = catalog !== undefined && given.effective !== false
  const over = descriptionOverBudget(read, catalog, budget.budget, withEffective)
  if (over !== undefined) {
    const message = `${overBudgetMessage('the description', over)}: nothing was described`
    return { errors: [{ source: 'budget', message, overBudget: over }] }
  }
  const { maxListed } = budget.budget
  // the comparisons of its Resource values with ARN formats, bounded by their length and by
  // `maxSteps`
  let resourceCharacters = 0
  for (const statement of read.statements) {
    for (const value of statement.resource?.values ?? []) resourceCharacters += value.value.length
  }
  const work = formatComparisonWork(
    Math.min(policyComparisonSteps(resourceCharacters), budget.budget.maxSteps),
  )
  const statements = read.statements.map((statement, index) =>
    describeStatement(statement, index, catalog, maxListed, work),
  )
  const allows = statements.filter((s) => s.effect === 'Allow').map((s) => s.text)
  const denies = statements.filter((s) => s.effect === 'Deny').map((s) => s.text)
  const rules = [
    denies.length > 0 ? 'A Deny wins over every Allow.' : undefined,
    allows.length === 0
      ? 'The policy allows nothing by itself.'
      : 'Anything no statement allows is denied by default.',
  ].filter((rule) => rule !== undefined)
  // a policy with no statement allows nothing, which the rules already say
  const effective =
    withEffective && read.statements.length > 0
      ? describeEffectiveAccess(read, catalog, maxListed, effectiveAccessBytes(read))
      : undefined
  return {
    statements,
    allows,
    denies,
    rules,
    ...(effective === undefined ? {} : { effective }),
    text: [...statements.map((s) => s.text), ...rules, ...(effective ? [effective.text] : [])].join(
      ' ',
    ),
  }
}
