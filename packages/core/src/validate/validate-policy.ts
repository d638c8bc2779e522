import { type Catalog, isCatalog } from '../catalog/index.ts'
import {
  type BudgetOptions,
  defaultBudget,
  enablesVariables,
  isPolicyDocument,
  noRange,
  type PolicyType,
  policyTypeNamed,
  policyTypeNames,
  policyTypes,
  readBudget,
} from '../model/index.ts'
import { kindOf, parsePolicy, policyText } from '../parse/index.ts'
import { printPolicy } from '../print/index.ts'
import { closestName } from '../suggest/index.ts'
import { checkActions } from './action-checks.ts'
import { checkActionsAgainstResources } from './action-resource-checks.ts'
import { checkCharacters } from './character-checks.ts'
import type { CheckContext, Report } from './check-context.ts'
import { checkConditions } from './condition-checks.ts'
import { diagnosticFindings } from './diagnostic-findings.ts'
import type { Finding } from './finding.ts'
import { unknownFindingCode } from './finding-codes.ts'
import { checkPolicyType, waivedForPolicyType } from './policy-type-checks.ts'
import { checkRequiredResources } from './required-resource-checks.ts'
import { checkResources } from './resource-checks.ts'
import { checkSecurity } from './security-checks.ts'
import { checkSids } from './sid-checks.ts'
import { checkSize } from './size-checks.ts'
import { statementFacts } from './statement-facts.ts'
import {
  checkUncompared,
  findingsWithin,
  overBudgetFinding,
  textOverBudget,
  validationComparisonWork,
  validationCost,
  validationOverBudget,
} from './validation-budget.ts'
import { checkPrincipalAndConditionValues } from './value-checks.ts'
import { checkVariables } from './variable-checks.ts'

export interface ValidateOptions {
  /**
   * The AWS service reference. Without it, only what needs no knowledge of services is checked:
   * syntax, grammar, policy type rules, ARN shapes, conditions' operators and values, security.
   */
  readonly catalog?: Catalog
  /** What the policy is attached as; `identity` unless said. */
  readonly policyType?: PolicyType
  /** Finding codes not to report. */
  readonly suppress?: readonly string[]
  /**
   * What the validation may cost and how many findings it lists (`Budget`, `maxSteps`,
   * `maxAnswerBytes` and `maxFindings`; a limit left out keeps its default). A policy estimated
   * over it gets one `over-budget` finding instead of being checked (`validation-budget.ts`).
   */
  readonly budget?: BudgetOptions
}

const checks = [
  checkCharacters,
  checkPolicyType,
  checkSids,
  checkSize,
  checkVariables,
  checkActions,
  checkResources,
  checkActionsAgainstResources,
  checkRequiredResources,
  checkConditions,
  checkPrincipalAndConditionValues,
  checkSecurity,
  checkUncompared,
]

/** The text to validate: the text given, a parsed document printed, an object as JSON. */
function sourceOf(input: unknown): { readonly text: string } | { readonly problem: string } {
  if (isPolicyDocument(input)) return { text: printPolicy(input) }
  const read = policyText(input)
  return read.problem === undefined ? { text: read.text } : { problem: read.problem }
}

const optionFields = ['catalog', 'policyType', 'suppress', 'budget']

/** Where a finding about the arguments rather than the text points: the text's first character. */
const startOfText = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
}

/**
 * The options as given, with what cannot be read left out and said: a field the options do not
 * have, a policy type that does not exist, a catalog `createCatalog` did not make, codes to
 * suppress that are not text.
 */
function readOptions(given: unknown): { options: ValidateOptions; problems: string[] } {
  const problems: string[] = []
  if (given === undefined || given === null) return { options: {}, problems }
  if (typeof given !== 'object' || Array.isArray(given)) {
    return { options: {}, problems: [`the options are an object, not ${kindOf(given)}`] }
  }
  const record = given as Readonly<Record<string, unknown>>
  for (const field of Object.keys(record)) {
    if (optionFields.includes(field)) continue
    const meant = closestName(field, optionFields)
    problems.push(
      `the options have no field \`${field}\`${meant === undefined ? '' : `: did you mean \`${meant}\``}`,
    )
  }
  const { catalog, policyType, suppress } = record
  const budget = readBudget(record.budget)
  if (budget.problems !== undefined) problems.push(...budget.problems)
  const namedType = policyTypeNamed(policyType)
  if (policyType !== undefined && namedType === undefined) {
    const names = Object.keys(policyTypeNames)
    const meant = typeof policyType === 'string' ? closestName(policyType, names) : undefined
    problems.push(
      `\`${String(typeof policyType === 'string' ? policyType : kindOf(policyType))}\` is not a policy type (${policyTypes.map((type) => `\`${type}\``).join(', ')})${meant === undefined ? '' : `: did you mean \`${meant}\``}`,
    )
  }
  const readCatalog = catalog !== undefined && catalog !== null && isCatalog(catalog)
  if (catalog !== undefined && catalog !== null && !readCatalog) {
    problems.push('`catalog` is not a service reference: make one with `createCatalog`')
  }
  const codes =
    Array.isArray(suppress) && suppress.every((code) => typeof code === 'string')
      ? (suppress as string[])
      : undefined
  if (suppress !== undefined && codes === undefined) problems.push('`suppress` is a list of codes')
  for (const code of codes ?? []) {
    const unknown = unknownFindingCode(code)
    if (unknown !== undefined) problems.push(`\`suppress\`: ${unknown}`)
  }
  return {
    options: {
      ...(readCatalog ? { catalog: catalog as Catalog } : {}),
      ...(namedType === undefined ? {} : { policyType: namedType }),
      ...(codes === undefined ? {} : { suppress: codes }),
      ...(budget.budget === undefined ? {} : { budget: budget.budget }),
    },
    problems,
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code)
}

/**
 * Everything worth saying about a policy text before it ships, as findings with a stable code,
 * a severity, a message, the range of text concerned and, where one exists, a fix: the
 * parser's syntax and grammar diagnostics, then the checks of docs/findings.md against the
 * service reference in `options.catalog`. Takes policy text, the object `JSON.parse` makes of
 * a policy (validated as `JSON.stringify(policy, null, 2)`, which the ranges refer to) or a
 * parsed document (validated as `printPolicy` writes it). Never throws, whatever it is given:
 * options it cannot read are `invalid-argument` findings, a value that is no policy a
 * `document-not-object` one.
 */
export function validatePolicy(text: string | object, given: ValidateOptions = {}): Finding[] {
  const { options, problems } = readOptions(given)
  const argumentFindings = problems.map(
    (message): Finding => ({
      code: 'invalid-argument',
      severity: 'error',
      message: `${message}: the policy is validated without it`,
      range: startOfText,
    }),
  )
  const read = sourceOf(text)
  if ('problem' in read) {
    return [
      ...argumentFindings,
      { code: 'document-not-object', severity: 'error', message: read.problem, range: noRange },
    ]
  }
  const source = read.text
  const budget = readBudget(options.budget).budget ?? defaultBudget
  const long = textOverBudget(source, budget)
  if (long !== undefined) return [...argumentFindings, overBudgetFinding(long, startOfText)]
  const parsed = parsePolicy(source)
  const { policy } = parsed
  // estimated once: for the refusal, and for what the format comparisons may spend
  const cost = policy === undefined ? undefined : validationCost(source, policy)
  const over = cost === undefined ? undefined : validationOverBudget(cost, budget)
  if (over !== undefined) return [...argumentFindings, overBudgetFinding(over, startOfText)]
  const policyType = options.policyType ?? 'identity'
  const diagnostics = parsed.diagnostics.filter(
    (diagnostic) => !waivedForPolicyType(diagnostic, policy, policyType),
  )
  const findings = [...argumentFindings, ...diagnosticFindings(diagnostics, source)]
  if (policy !== undefined && cost !== undefined) {
    const report: Report = (code, severity, message, range, fix) => {
      findings.push({ code, severity, message, range, ...(fix === undefined ? {} : { fix }) })
    }
    const context: CheckContext = {
      text: source,
      policy,
      policyType,
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
      formatWork: validationComparisonWork(source, cost.steps, budget),
      statements: statementFacts(policy, options.catalog),
      variablesEnabled: enablesVariables(policy.version?.value),
      report,
    }
    for (const check of checks) check(context)
  }
  const suppressed = new Set(options.suppress ?? [])
  const reported = findings.filter((finding) => !suppressed.has(finding.code)).sort(byPosition)
  return findingsWithin(reported, budget, startOfText, byPosition)
}
