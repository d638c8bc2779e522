import { splitArn } from '../match/index.ts'
import type { PrincipalType, SourceRange, Statement, StringListElement } from '../model/index.ts'
import { deployTimeValues, quote, unreadableValueCodes } from '../model/index.ts'
import { readOperatorName } from './conditions/index.ts'
import { resourcePartStart, variableProblem } from './policy-variable.ts'

/** Codes of the ways a statement's value can fail to be read, shared with the validator. */
export const unreadableCodes = unreadableValueCodes
export type UnreadableCode = (typeof unreadableValueCodes)[number]

/** Why a value cannot be read as what its element holds. */
export interface ValueProblem {
  readonly code: UnreadableCode
  readonly message: string
}

/** A statement value that cannot be read, with where it is written. */
export interface UnreadableValue extends ValueProblem {
  readonly element:
    | 'Action'
    | 'NotAction'
    | 'Resource'
    | 'NotResource'
    | 'Principal'
    | 'NotPrincipal'
    | 'Condition'
  readonly value: string
  readonly range: SourceRange
  /**
   * Whether reading the value as matching nothing can only make its statement apply less: true
   * for an entry of Action, Resource and Principal, false for the `Not…` elements (which then
   * exclude less) and for conditions (whose outcome on a key that is never there depends on the
   * operator).
   */
  readonly narrows: boolean
}

/** The first character below U+0020 (or U+007F), which no action, ARN or key holds. */
function controlCharacter(value: string): string | undefined {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code < 0x20 || code === 0x7f) {
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    }
  }
  return undefined
}

/** Spaces around a value, or a control character in it: what no value of any element holds. */
function textProblem(value: string, names: string): ValueProblem | undefined {
  if (value.trim() !== value) {
    return {
      code: names === 'action' ? 'action-has-whitespace' : 'value-has-whitespace',
      message: `${quote(value)} has spaces around it, so it names no ${names}: IAM does not trim them`,
    }
  }
  const control = controlCharacter(value)
  if (control === undefined) return undefined
  return {
    code: 'control-character-in-value',
    message: `${quote(JSON.stringify(value).slice(1, -1))} holds the control character ${control}, which no ${names} holds`,
  }
}

/**
 * A value holding a deploy-time value (`{{Ref Bucket}}`, `deployTimeValues`), which only the
 * deployment fills in: evaluation cannot know what it matches, so it is read as matching nothing
 * where that narrows its statement, and keeps the policy from being evaluated elsewhere.
 */
export function deployTimeProblem(value: string): ValueProblem | undefined {
  const [first] = deployTimeValues(value)
  if (first === undefined) return undefined
  const written = value.slice(first.start, first.end)
  return {
    code: 'deploy-time-value',
    message: `${quote(value)} holds \`${written}\`, a value known only when the template is deployed: give it a value to evaluate the policy`,
  }
}

const actionShape = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?-]+$/
const allStars = /^\*+$/

/**
 * An `Action` or `NotAction` value IAM cannot read as `service:ActionName` (*Grammar of the IAM
 * JSON policy language*: "a service namespace, a colon, and the name of an action"; names may
 * hold `*` and `?`): spaces around it, a missing or second colon, an empty part, a policy
 * variable (variables work only in Resource and condition values, *Variables and tags*).
 */
export function actionProblem(value: string): ValueProblem | undefined {
  const text = textProblem(value, 'action') ?? deployTimeProblem(value)
  if (text !== undefined) return text
  if (allStars.test(value) || actionShape.test(value)) return undefined
  if (value.includes('${')) {
    return {
      code: 'invalid-action-format',
      message: `${quote(value)}: policy variables work only in \`Resource\` and in condition values, so IAM reads this one as plain text`,
    }
  }
  return {
    code: 'invalid-action-format',
    message: `${quote(value)} is not an action: write \`service:ActionName\`, such as \`connect:DescribeUser\``,
  }
}

/**
 * Whether an ARN's account field can hold an account: empty (S3), `aws` (resources AWS owns),
 * 12 digits, or a pattern of digits, `*` and `?` some 12-digit ID fits.
 */
export function accountFits(account: string): boolean {
  if (account === '' || account === 'aws') return true
  if (!/^[0-9*?]+$/.test(account)) return false
  const fixed = account.replaceAll('*', '').length
  return account.includes('*') ? fixed <= 12 : fixed === 12
}

/**
 * A `Resource` or `NotResource` value that names no resource (*IAM JSON policy elements:
 * Resource*, "the ARN ... or `*`"; *IAM identifiers*, ARN format): spaces around it, a control
 * character, text that is neither `*` nor an ARN, an ARN without its six fields (unless its last
 * field ends in `*`, which "can expand to match beyond the colon boundaries"), an account field
 * no account fits, and under Version 2012-10-17 a malformed policy variable.
 */
export function resourceProblem(
  value: string,
  variablesEnabled: boolean,
): ValueProblem | undefined {
  const text = textProblem(value, 'resource') ?? deployTimeProblem(value)
  if (text !== undefined) return text
  if (allStars.test(value)) return undefined
  const parts = splitArn(value)
  if (parts === undefined && !(value.startsWith('arn:') && value.endsWith('*'))) {
    return {
      code: 'invalid-arn',
      message: `${quote(value)} is not an ARN: a resource is \`*\` or \`arn:partition:service:region:account-id:resource\``,
    }
  }
  const resourcePart = resourcePartStart(value)
  if (variablesEnabled && resourcePart > 0 && value.slice(0, resourcePart).includes('${')) {
    return {
      code: 'malformed-variable',
      message: `${quote(value)}: policy variables work only in the resource part of an ARN, after its fifth colon, so IAM reads this one as plain text`,
    }
  }
  if (parts !== undefined && !accountFits(parts.account)) {
    return /[A-Za-z]/.test(parts.account)
      ? {
          code: 'arn-placeholder',
          message: `${quote(parts.account)} is a placeholder: write the 12-digit AWS account ID, or \`*\``,
        }
      : {
          code: 'invalid-account-id',
          message: `${quote(parts.account)} is not an AWS account ID, which has exactly 12 digits`,
        }
  }
  return variablesEnabled ? malformedVariable(value) : undefined
}

function malformedVariable(value: string): ValueProblem | undefined {
  const problem = variableProblem(value)
  return problem === undefined
    ? undefined
    : { code: 'malformed-variable', message: `${quote(value)}: ${problem}` }
}

const accountId = /^\d{12}$/

/**
 * A principal value that names no caller (*IAM JSON policy elements: Principal*): spaces around
 * it or a control character; for `AWS`, anything but `*`, a 12-digit account ID or an ARN.
 */
export function principalProblem(type: PrincipalType, value: string): ValueProblem | undefined {
  const text = textProblem(value, 'principal') ?? deployTimeProblem(value)
  if (text !== undefined) return text
  if (value === '') {
    return { code: 'invalid-principal', message: 'an empty principal names nobody' }
  }
  if (type !== 'AWS' || value === '*' || accountId.test(value) || splitArn(value) !== undefined) {
    return undefined
  }
  return {
    code: 'invalid-principal',
    message: `${quote(value)} is neither an account ID nor an ARN, so it names nobody`,
  }
}

// the prefix is a service, `aws`, or an identity provider (`accounts.google.com`,
// `oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE`)
const conditionKeyShape = /^[^\s:]+:\S+$/

/**
 * A condition key that no request holds (*IAM JSON policy elements: Condition*; keys are
 * `service:name`, `aws:name` or an identity provider's `provider:claim`): spaces around it, a
 * control character, no prefix.
 */
export function conditionKeyProblem(key: string): ValueProblem | undefined {
  const text = textProblem(key, 'condition key') ?? deployTimeProblem(key)
  if (text !== undefined) return text
  if (conditionKeyShape.test(key)) return undefined
  return {
    code: 'unknown-condition-key',
    message: `${quote(key)} is not a condition key: keys are written \`service:name\`, such as \`aws:SourceIp\``,
  }
}

function listProblems(
  list: StringListElement<'Action' | 'NotAction' | 'Resource' | 'NotResource'>,
  problemOf: (value: string) => ValueProblem | undefined,
  into: UnreadableValue[],
): void {
  const narrows = !list.element.startsWith('Not')
  if (list.values.length === 0) {
    const names = list.element.endsWith('Action') ? 'actions' : 'resources'
    into.push({
      element: list.element,
      value: '',
      range: list.range,
      narrows,
      code: 'empty-value-list',
      message: `\`${list.element}\` lists no ${names}`,
    })
  }
  for (const { value, range } of list.values) {
    const problem = problemOf(value)
    if (problem !== undefined)
      into.push({ element: list.element, value, range, narrows, ...problem })
  }
}

/** The principals of a statement that name nobody (`principalProblem`). */
export function unreadablePrincipals(statement: Statement): UnreadableValue[] {
  const found: UnreadableValue[] = []
  const { principal } = statement
  if (principal === undefined) return found
  const narrows = principal.element === 'Principal'
  for (const entry of principal.entries) {
    for (const { value, range } of entry.values) {
      const problem = principalProblem(entry.type.value, value)
      if (problem !== undefined) {
        found.push({ element: principal.element, value, range, narrows, ...problem })
      }
    }
  }
  return found
}

/**
 * The condition keys of a statement that no request holds, and, under Version 2012-10-17, the
 * malformed variables of its String and ARN condition values.
 */
export function unreadableConditionValues(
  statement: Statement,
  variablesEnabled: boolean,
): UnreadableValue[] {
  const found: UnreadableValue[] = []
  for (const clause of statement.condition?.clauses ?? []) {
    const keyProblem = conditionKeyProblem(clause.key.value)
    if (keyProblem !== undefined) {
      const { value, range } = clause.key
      found.push({ element: 'Condition', value, range, narrows: false, ...keyProblem })
    }
    const variables =
      variablesEnabled && readOperatorName(clause.operator.value)?.operator.variables === true
    for (const { value, range } of clause.values) {
      if (typeof value !== 'string') continue
      const problem = deployTimeProblem(value) ?? (variables ? malformedVariable(value) : undefined)
      if (problem !== undefined) {
        found.push({
          element: 'Condition',
          value,
          range,
          narrows: false,
          ...problem,
        })
      }
    }
  }
  return found
}

/**
 * Every value of a statement that cannot be read as what its element holds: each one matches
 * nothing as written. Left unsaid, a Deny holding one would silently match less; evaluation
 * therefore refuses such a Deny, and reports such an Allow (`statementReadability`).
 */
export function unreadableValues(
  statement: Statement,
  variablesEnabled: boolean,
): UnreadableValue[] {
  const found: UnreadableValue[] = []
  if (statement.action !== undefined) listProblems(statement.action, actionProblem, found)
  if (statement.resource !== undefined) {
    listProblems(statement.resource, (value) => resourceProblem(value, variablesEnabled), found)
  }
  found.push(...unreadablePrincipals(statement))
  found.push(...unreadableConditionValues(statement, variablesEnabled))
  return found
}
