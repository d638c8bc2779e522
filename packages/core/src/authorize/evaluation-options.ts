import { type Catalog, isCatalog } from '../catalog/index.ts'
import { type Budget, type BudgetOptions, defaultBudget, readBudget } from '../model/index.ts'
import { kindOf } from '../parse/index.ts'
import { likelyField } from './policy-set-fields.ts'
import type { EvaluationError } from './result.ts'

/** What an evaluation may consult beyond the policies and the request. */
export interface EvaluationOptions {
  /**
   * The AWS service reference (`@connect-policy/catalog` gives it). With it, a service-specific
   * key AWS derives from the request (`connect:InstanceId`) is set only for the actions the
   * reference lists it for, and the result's findings say when the request names an action the
   * reference does not know or leaves out a resource the action is authorized against. Without
   * it, whether AWS sends such a key is not known: a statement that reads it is read with the key
   * and without it, and applies where that grants least (an Allow where both readings apply, a
   * Deny where either does).
   */
  readonly catalog?: Catalog
  /**
   * What one evaluation may cost and how long the lists of its answer may be (`Budget`; any
   * limit left out keeps its default): a request estimated over `maxSteps` or `maxAnswerBytes`
   * is refused before any of the work, with an error whose `source` is `budget`; lists longer
   * than their cap are cut, with a count of what was left out. For `compilePolicies`, also how
   * many bytes the compiled set may spend remembering its actions (`maxPlanBytes`).
   */
  readonly budget?: BudgetOptions
}

/** The options read: the catalog, and the budget completed with its defaults. */
export interface ReadEvaluationOptions {
  readonly catalog?: Catalog
  readonly budget: Budget
}

const optionFields = ['catalog', 'budget']

const defaults: ReadEvaluationOptions = Object.freeze({ budget: defaultBudget })

/**
 * The options as given, or the error that names what is wrong with them: not an object, a field
 * the options do not have, a catalog that `createCatalog` did not make, a budget that is not one
 * (`readBudget`). `undefined` and `null` are no options; a budget left out is the default.
 */
export function readEvaluationOptions(
  options: unknown,
):
  | { readonly options: ReadEvaluationOptions; readonly error?: never }
  | { readonly error: EvaluationError } {
  if (options === undefined || options === null) return { options: defaults }
  const wrong = (message: string) => ({
    error: { source: 'options', message: `invalid options: ${message}`, diagnostics: [] } as const,
  })
  if (typeof options !== 'object' || Array.isArray(options)) {
    return wrong(`the options are an object such as \`{ catalog }\`, not ${kindOf(options)}`)
  }
  const record = options as Readonly<Record<string, unknown>>
  for (const field of Object.keys(record)) {
    if (optionFields.includes(field)) continue
    const meant = likelyField(field, optionFields)
    return wrong(
      `the options have no field \`${field}\`${meant === undefined ? ': the fields are `catalog` and `budget`' : `: did you mean \`${meant}\``}`,
    )
  }
  const { catalog } = record
  const read = readBudget(record.budget)
  if (read.problems !== undefined) return wrong(read.problems.join('; '))
  const { budget } = read
  if (catalog === undefined || catalog === null) return { options: { budget } }
  if (!isCatalog(catalog)) {
    return wrong('`catalog` is not a service reference: make one with `createCatalog`')
  }
  return { options: { catalog, budget } }
}
