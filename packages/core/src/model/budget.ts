/**
 * What one call may cost, decided from the sizes of what it is given before any of the work is
 * done. Every input can be within each documented limit (a body of 0.5 MB, 20 policies, 1,000
 * items per list) and still ask for an answer of hundreds of megabytes or hours of matching: 20
 * policies of 420 `Allow * *` statements list 8,400 deciding statements for every resource of
 * every request; a condition of 5,000 values against a context key of 5,000 values compares 25
 * million pairs. A call that would cost more than its budget is refused up front with an error
 * value naming the limit and the figures, and does none of the work: no partial answer, no time
 * spent finding out. Lists in an answer are capped, with a count of what was left out, so that
 * an answer's size follows from the caps and the request, not from the policies.
 *
 * The defaults leave every realistic call well within: every AWS managed policy, the documented
 * samples and a 10,240-character inline policy cost a small fraction of them (tests hold this).
 */
export interface Budget {
  /**
   * Most steps of work a call may take, as estimated before it starts: for an evaluation, each
   * resource of the request against each statement it reads, a statement counting a step for
   * itself, one per Action, Resource and Principal entry and policy variable and, per condition
   * value, one per value the request gives the key (the most any one key has), except that the
   * values of a string equality count one step each and then one per request value, as one set
   * answers for them; for a validation, one per character of the text and one per entry of each
   * statement.
   */
  readonly maxSteps: number
  /**
   * Most bytes of JSON an answer may take, as estimated before the work from the caps below and
   * the sizes of what it repeats: each resource's decision, the deciding statements (at most
   * `maxDeciding`), the statement traces of an explanation (at most `maxTraces` per resource,
   * each as large as its statement, with the request's values where a condition reads them) and
   * the findings (at most `maxFindings`); for a description, its statements with their lists of
   * the reference at most `maxListed` long (`describe/description-budget.ts`).
   */
  readonly maxAnswerBytes: number
  /** Most statements a list of deciding statements names; the others are counted (`omittedDeciding`). */
  readonly maxDeciding: number
  /** Most statement traces of one resource in an explanation; the others are counted (`omittedStatements`). */
  readonly maxTraces: number
  /** Most findings in an answer; the others are counted (`omittedFindings`). */
  readonly maxFindings: number
  /**
   * Most entries of the service reference one list of a description names: the services an
   * Action element's patterns reach, the action names of one element (every service and access
   * level together), the resource types of one Resource value; the others are counted
   * (`omittedServices`, `omittedActions`, `omittedResourceTypes`). A pattern of two characters
   * (`*:Get*`) reaches thousands of actions: listed in full, a statement's description grew with
   * the reference instead of with the policy.
   */
  readonly maxListed: number
  /**
   * Most bytes, estimated, that a compiled policy set spends on what it remembers per action (the
   * statements each action can meet); the least recently used are dropped beyond it.
   */
  readonly maxPlanBytes: number
}

/** The names of a budget's limits, as options and errors spell them. */
export const budgetLimits = [
  'maxSteps',
  'maxAnswerBytes',
  'maxDeciding',
  'maxTraces',
  'maxFindings',
  'maxListed',
  'maxPlanBytes',
] as const
export type BudgetLimit = (typeof budgetLimits)[number]

/**
 * The budget of a call that sets none. Steps: 3 million, under 100 ms of CPU time for the
 * costliest step there is (a pattern condition value tested against a request value: 10 million
 * took 250 to 290 ms on a 2-core AMD EPYC), where validating the largest AWS managed policy
 * costs 7 % and evaluating it 0.2 %, and the largest set AWS accepts (20 managed policies of
 * 6,144 characters and a 10,240-character inline policy) under a tenth.
 * Answer: 32 MiB, where an explained decision of a managed policy takes tens of kilobytes and
 * one of that largest set, for five resources, a few megabytes. Lists: 100 deciding statements
 * (a decision is rarely made by more than a few), 1,000 statement traces per resource (about
 * as many as the statements of that largest set) and 1,000 findings (as many as the parser
 * records per stage). Names of the reference in a description: 100 per list (a front end shows a
 * few of them; a statement that names more is better read by its counts). Plans: 4 MiB, for
 * thousands of actions.
 */
export const defaultBudget: Budget = Object.freeze({
  maxSteps: 3_000_000,
  maxAnswerBytes: 32 * 1024 * 1024,
  maxDeciding: 100,
  maxTraces: 1000,
  maxFindings: 1000,
  maxListed: 100,
  maxPlanBytes: 4 * 1024 * 1024,
})

/** The limits a call is refused for, estimated before the work: the others are caps. */
export type RefusingLimit = 'maxSteps' | 'maxAnswerBytes'

/** Why a call was refused: the limit it would pass, what it was estimated at and what is allowed. */
export interface OverBudget {
  readonly limit: RefusingLimit
  readonly estimated: number
  readonly allowed: number
}

/** A budget as a caller gives it: any of its limits, the others at their defaults. */
export type BudgetOptions = Partial<Budget>

/** The budget given, completed with the defaults, or what is wrong with it. */
export type BudgetRead =
  | { readonly budget: Budget; readonly problems?: never }
  | { readonly budget?: never; readonly problems: readonly string[] }

function kindOfValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  // an object may have no prototype, or a toString that throws: its kind is all that is said
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'function') return 'a function'
  return typeof value === 'string' ? `\`${value}\`` : `${typeof value} ${String(value)}`
}

/**
 * Reads a budget as given: `undefined` and `null` are the defaults; an object may set any limit
 * to a whole number from 0, or to `Infinity` for none. Anything else is a problem that names the
 * mistake (a misspelt limit is not silently left at its default).
 */
export function readBudget(given: unknown): BudgetRead {
  if (given === undefined || given === null) return { budget: defaultBudget }
  if (typeof given !== 'object' || Array.isArray(given)) {
    return {
      problems: [
        `\`budget\` is an object of limits such as \`{ maxSteps: 1000000 }\`, not ${kindOfValue(given)}`,
      ],
    }
  }
  const record = given as Readonly<Record<string, unknown>>
  const problems: string[] = []
  const budget: Record<string, number> = { ...defaultBudget }
  for (const field of Object.keys(record)) {
    const value = record[field]
    if (!(budgetLimits as readonly string[]).includes(field)) {
      problems.push(
        `\`budget\` has no limit \`${field}\`: its limits are ${budgetLimits.map((name) => `\`${name}\``).join(', ')}`,
      )
      continue
    }
    if (value === undefined) continue
    if (
      typeof value !== 'number' ||
      value < 0 ||
      (!Number.isInteger(value) && value !== Number.POSITIVE_INFINITY)
    ) {
      problems.push(
        `\`budget.${field}\` is a whole number from 0, or \`Infinity\`, not ${kindOfValue(value)}`,
      )
      continue
    }
    budget[field] = value
  }
  return problems.length > 0 ? { problems } : { budget: budget as unknown as Budget }
}

/** The refusal when an estimate passes its limit, else undefined. */
export function overBudget(
  limit: RefusingLimit,
  estimated: number,
  budget: Budget,
): OverBudget | undefined {
  const allowed = budget[limit]
  return estimated > allowed ? { limit, estimated, allowed } : undefined
}

/** A whole number with thousands separated by commas, whatever the locale. */
function counted(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const digits = Math.round(value).toString()
  let text = ''
  for (let end = digits.length; end > 0; end -= 3) {
    const part = digits.slice(Math.max(0, end - 3), end)
    text = text === '' ? part : `${part},${text}`
  }
  return text
}

/**
 * The message of a refusal, for the call it refused (`the evaluation`, `the validation`):
 * ``over budget: the evaluation would take about 25,000,000 steps, more than `maxSteps` allows (3,000,000)``.
 */
export function overBudgetMessage(call: string, over: OverBudget): string {
  const what =
    over.limit === 'maxSteps'
      ? `take about ${counted(over.estimated)} steps`
      : `answer about ${counted(over.estimated)} bytes`
  return `over budget: ${call} would ${what}, more than \`${over.limit}\` allows (${counted(over.allowed)})`
}

/** A list cut to `cap` entries: the first ones, and how many were left out (0 when none). */
export function capped<T>(
  list: readonly T[],
  cap: number,
): { readonly shown: readonly T[]; readonly omitted: number } {
  if (list.length <= cap) return { shown: list, omitted: 0 }
  return { shown: list.slice(0, cap), omitted: list.length - cap }
}
