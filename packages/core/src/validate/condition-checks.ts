import { uuidProblem } from '../catalog/connect-identifiers.ts'
import type { Catalog, CatalogConditionKey } from '../catalog/index.ts'
import {
  conditionOperators,
  type OperatorUse,
  readOperatorName,
  setQualifiers,
} from '../evaluate/index.ts'
import { conditionKeyProblem } from '../evaluate/readable-value.ts'
import { type ConditionClause, holdsDeployTimeValue, type Located } from '../model/index.ts'
import { closestName } from '../suggest/index.ts'
import { supportingCount, unsupportedServices } from './action-lists.ts'
import type { CheckContext, StatementFacts } from './check-context.ts'
import { quote } from './check-context.ts'
import { accountKeys, alwaysPresentKeys, mismatch } from './key-types.ts'
import { isPlaceholderValue } from './placeholder.ts'

const operatorNames = [...conditionOperators.keys()]
const tagKeys = /^aws:(requesttag\/|resourcetag\/|tagkeys$)/i
const vpcShape = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/
const vpceShape = /^vpce-([0-9a-f]{8}|[0-9a-f]{17})$/

/** The operator an unknown one most likely stands for, its qualifier and name each corrected. */
function likelyOperator(written: string): string | undefined {
  const colon = written.indexOf(':')
  const qualifier = colon < 0 ? undefined : written.slice(0, colon)
  const rest = written.slice(colon + 1)
  const ifExists = /IfExists$/i.test(rest)
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest
  const likely =
    (qualifier === undefined ? '' : `${closestName(qualifier, setQualifiers) ?? qualifier}:`) +
    (closestName(base, operatorNames) ?? base) +
    (ifExists ? 'IfExists' : '')
  return likely !== written && readOperatorName(likely) !== undefined ? likely : undefined
}

/** What is wrong with an operator itself; reported once, however many keys it holds. */
function checkOperator(
  context: CheckContext,
  facts: StatementFacts,
  clause: ConditionClause,
): OperatorUse | undefined {
  const written = clause.operator.value
  const use = readOperatorName(written)
  if (use === undefined) {
    const likely = likelyOperator(written)
    // the fix must not give the condition a second block of the same operator
    const taken = facts.statement.condition?.clauses.some((c) => c.operator.value === likely)
    context.report(
      'unknown-condition-operator',
      'error',
      `${quote(written)} is not a condition operator${likely ? `: did you mean \`${likely}\`` : ''}; AWS rejects the policy`,
      clause.operator.range,
      likely === undefined || taken
        ? undefined
        : {
            title: `Write \`${likely}\``,
            range: clause.operator.range,
            newText: JSON.stringify(likely),
          },
    )
  } else if (use.ifExists && use.operator.family === 'Null') {
    context.report(
      'if-exists-meaningless',
      'error',
      '`NullIfExists` does not exist: `Null` already tests whether the key is present',
      clause.operator.range,
    )
  }
  return use
}

function checkValues(context: CheckContext, clause: ConditionClause, use: OperatorUse) {
  const { operator } = use
  for (const value of clause.values) {
    const written = value.value
    // numbers JSON cannot read are the parser's to report (`invalid-number`)
    if (typeof written === 'number' && !Number.isFinite(written)) continue
    if (typeof written === 'string' && written.includes('${') && operator.variables) continue
    if (typeof written === 'string' && holdsDeployTimeValue(written)) continue
    if (operator.readPolicyValue(written) === undefined) {
      context.report(
        'invalid-condition-value',
        'error',
        `${quote(String(written))} is not a value ${use.written} can compare (${operator.family})`,
        value.range,
      )
    }
  }
}

function stringValues(clause: ConditionClause): Located<string>[] {
  return clause.values.filter(
    (value): value is Located<string> =>
      typeof value.value === 'string' && !/[*?]|\$\{/.test(value.value),
  )
}

function checkValueShapes(context: CheckContext, clause: ConditionClause, use: OperatorUse) {
  if (use.operator.family !== 'String' && use.operator.family !== 'Arn') return
  const key = clause.key.value.toLowerCase()
  const { catalog } = context
  for (const value of stringValues(clause)) {
    const written = value.value
    // what a template fills in at deployment is not for the validator to judge
    if (holdsDeployTimeValue(written)) continue
    if (isPlaceholderValue(written) && use.operator.family === 'String') {
      context.report(
        'condition-value-placeholder',
        'error',
        `${quote(written)} is a placeholder: write the real value`,
        value.range,
      )
      continue
    }
    if (key === 'aws:requestedregion' && catalog !== undefined && !catalog.regions.has(written)) {
      const suggestion = closestName(written, [...catalog.regions])
      context.report(
        'unknown-region',
        'warning',
        `${quote(written)} is not an AWS Region${suggestion ? `: did you mean \`${suggestion}\`` : ''}`,
        value.range,
      )
    } else if (accountKeys.has(key) && !/^\d{12}$/.test(written)) {
      context.report(
        'invalid-account-id',
        'error',
        `${quote(written)} is not an AWS account ID, which has exactly 12 digits`,
        value.range,
      )
    } else if (
      (key === 'aws:sourcevpc' && !vpcShape.test(written)) ||
      (key === 'aws:sourcevpce' && !vpceShape.test(written))
    ) {
      context.report(
        'invalid-condition-value',
        'error',
        `${quote(written)} is not a ${key === 'aws:sourcevpc' ? 'VPC ID (`vpc-` and 8 or 17 hexadecimal digits)' : 'VPC endpoint ID (`vpce-` and 8 or 17 hexadecimal digits)'}`,
        value.range,
      )
    } else if (key === 'connect:instanceid') {
      const problem = uuidProblem(written)
      if (problem !== undefined) {
        context.report(
          'invalid-connect-id',
          'error',
          `${quote(written)} cannot be an Amazon Connect instance ID, which is a UUID: ${problem}`,
          value.range,
        )
      }
    }
  }
}

function unknownKey(context: CheckContext, catalog: Catalog, clause: ConditionClause) {
  const written = clause.key.value
  const colon = written.indexOf(':')
  const prefix = written.slice(0, colon).toLowerCase()
  const service = catalog.service(prefix)
  // keys of identity providers and of services the catalog does not hold cannot be checked
  if (prefix !== 'aws' && service === undefined) return
  const known =
    prefix === 'aws'
      ? catalog.globalKeyNames.filter((name) => name.toLowerCase().startsWith('aws:'))
      : (service?.conditionKeys.map((key) => key.name) ?? [])
  const suggestion = closestName(written, known)
  context.report(
    'unknown-condition-key',
    prefix === 'aws' ? 'error' : 'warning',
    `${quote(written)} is not a condition key of ${prefix === 'aws' ? 'AWS (global keys)' : (service?.name ?? prefix)}${suggestion ? `: did you mean \`${suggestion}\`` : ''} (AWS service reference of ${catalog.source.date})`,
    clause.key.range,
  )
}

/** A key without `service:` can never be in a request: `username` for `aws:username`. */
function keyWithoutService(context: CheckContext, catalog: Catalog, clause: ConditionClause) {
  const written = clause.key.value
  const global = catalog.conditionKey(`aws:${written}`)
  const suggestion =
    global === undefined ? undefined : global.name.includes('${') ? `aws:${written}` : global.name
  context.report(
    'unknown-condition-key',
    'error',
    `${quote(written)} is not a condition key: keys are written \`service:name\`${suggestion ? `: did you mean \`${suggestion}\`` : ''}`,
    clause.key.range,
  )
}

/**
 * Whether the statement also requires the key to be in the request (`"Null": {key: "false"}`),
 * which closes the gap `ForAllValues` leaves for requests without the key.
 */
function requiresKey(facts: StatementFacts, folded: string): boolean {
  return (facts.statement.condition?.clauses ?? []).some((clause) => {
    const use = readOperatorName(clause.operator.value)
    return (
      use?.operator.family === 'Null' &&
      use.qualifier === undefined &&
      !use.ifExists &&
      clause.key.value.toLowerCase() === folded &&
      clause.values.length > 0 &&
      clause.values.every((value) => use.operator.readPolicyValue(value.value) === false)
    )
  })
}

const serviceLists = new WeakMap<readonly string[], string>()

/**
 * Services as a message lists them, kept per list: `"Action": "*"` leaves hundreds of services
 * without a tag key, named again for every such key of the statement.
 */
function serviceList(services: readonly string[]): string {
  let text = serviceLists.get(services)
  if (text === undefined) {
    text = services.map((service) => `\`${service}\``).join(', ')
    serviceLists.set(services, text)
  }
  return text
}

function checkKeyForActions(
  context: CheckContext,
  facts: StatementFacts,
  clause: ConditionClause,
  use: OperatorUse,
  key: CatalogConditionKey,
) {
  const actions = facts.knownActions
  if (actions === undefined || actions.length === 0) return
  const name = key.name.toLowerCase()
  const supporting = supportingCount(actions, name)
  if (!key.global) {
    if (supporting > 0) return
    context.report(
      'condition-key-not-for-actions',
      'warning',
      `no action of this statement supports ${quote(clause.key.value)}, so the condition ${facts.effect === 'Deny' ? 'never lets the Deny apply' : 'never lets the Allow apply'}${use.ifExists || use.operator.negated ? ' as intended' : ''}`,
      clause.key.range,
    )
    return
  }
  if (!tagKeys.test(clause.key.value) || use.ifExists || use.operator.negated) return
  if (use.operator.family === 'Null' || supporting === actions.length) return
  if (facts.effect === 'Deny') {
    const services = unsupportedServices(actions, name)
    context.report(
      'tag-condition-not-supported',
      'security-warning',
      `${serviceList(services)} ${supporting === 0 ? '' : 'in part '}${services.length === 1 ? 'does' : 'do'} not support ${quote(clause.key.value)} for these actions, so this Deny never applies to them`,
      clause.key.range,
    )
  } else if (supporting === 0) {
    context.report(
      'tag-condition-not-supported',
      'warning',
      `no action of this statement supports ${quote(clause.key.value)}, so this Allow never applies`,
      clause.key.range,
    )
  }
}

function checkKey(
  context: CheckContext,
  facts: StatementFacts,
  clause: ConditionClause,
  use: OperatorUse,
) {
  const { catalog } = context
  const written = clause.key.value
  const folded = written.toLowerCase()
  if (use.ifExists && alwaysPresentKeys.has(folded)) {
    context.report(
      'if-exists-meaningless',
      'suggestion',
      `${quote(written)} is in every request, so \`IfExists\` changes nothing: write \`${use.written.replace('IfExists', '')}\``,
      clause.operator.range,
    )
  }
  if (
    use.qualifier === 'ForAllValues' &&
    facts.effect === 'Allow' &&
    !use.operator.negated &&
    !requiresKey(facts, folded)
  ) {
    context.report(
      'for-all-values-with-allow',
      'security-warning',
      `\`ForAllValues\` is true when the request has no ${quote(written)} at all, so this Allow also applies to requests without it: add a \`Null\` condition on the key with \`false\``,
      clause.operator.range,
    )
  }
  const problem = conditionKeyProblem(written)
  if (problem?.code === 'deploy-time-value') return
  if (problem !== undefined) {
    if (problem.code === 'unknown-condition-key' && catalog !== undefined) {
      keyWithoutService(context, catalog, clause)
    } else {
      context.report(problem.code, 'error', problem.message, clause.key.range)
    }
    return
  }
  if (catalog === undefined) return
  const key = catalog.conditionKey(written)
  if (key === undefined) {
    unknownKey(context, catalog, clause)
    return
  }
  const severity = mismatch(use.operator.family, key.type, written)
  if (severity !== undefined) {
    context.report(
      'operator-type-mismatch',
      severity,
      `${quote(written)} holds ${key.type} values, which ${use.operator.family} operators ${severity === 'error' ? 'cannot compare' : 'compare only as text'}`,
      clause.operator.range,
    )
  }
  if (use.operator.family !== 'Null') {
    if (use.qualifier !== undefined && !key.multivalued) {
      context.report(
        'set-operator-on-single-valued-key',
        'warning',
        `${quote(written)} has one value per request; \`${use.qualifier}\` is meant for keys with several: write \`${use.written.slice(use.qualifier.length + 1)}\``,
        clause.operator.range,
      )
    } else if (use.qualifier === undefined && key.multivalued) {
      context.report(
        'multivalued-key-without-set-operator',
        'warning',
        `${quote(written)} can have several values per request: say whether any or all must match with \`ForAnyValue:\` or \`ForAllValues:\``,
        clause.operator.range,
      )
    }
  }
  checkKeyForActions(context, facts, clause, use, key)
}

function checkDuplicateKeys(context: CheckContext, clauses: readonly ConditionClause[]) {
  const seen = new Map<string, ConditionClause>()
  for (const clause of clauses) {
    const id = `${clause.operator.value}\u0000${clause.key.value.toLowerCase()}`
    const first = seen.get(id)
    if (first === undefined) {
      seen.set(id, clause)
    } else if (first.key.value !== clause.key.value) {
      context.report(
        'duplicate-condition-key',
        'error',
        `${quote(clause.key.value)} and ${quote(first.key.value)} are the same key (key names ignore case): give the key once, with all its values`,
        clause.key.range,
      )
    }
  }
}

function checkPairedKeys(context: CheckContext, clauses: readonly ConditionClause[]) {
  const keys = new Set(clauses.map((clause) => clause.key.value.toLowerCase()))
  const vpcIp = clauses.find((clause) => clause.key.value.toLowerCase() === 'aws:vpcsourceip')
  if (vpcIp !== undefined && !keys.has('aws:sourcevpc') && !keys.has('aws:sourcevpce')) {
    context.report(
      'missing-paired-condition-key',
      'security-warning',
      '`aws:VpcSourceIp` matches the address in any VPC: pair it with `aws:SourceVpc` or `aws:SourceVpce`',
      vpcIp.key.range,
    )
  }
}

/**
 * Condition blocks: operators, values each operator can read, keys against the catalog
 * (global and per service, with "did you mean"), operator and key types, set operators,
 * `IfExists` where it means nothing, `ForAllValues` in an Allow, keys the actions never see,
 * duplicate keys, and value shapes (Regions, account IDs, VPC IDs, Connect instance IDs).
 */
export function checkConditions(context: CheckContext): void {
  for (const facts of context.statements) {
    const clauses = facts.statement.condition?.clauses ?? []
    // clauses of one operator block share its name, and its range
    const operators = new Map<number, OperatorUse | undefined>()
    for (const clause of clauses) {
      const at = clause.operator.range.start.offset
      const use = operators.has(at) ? operators.get(at) : checkOperator(context, facts, clause)
      operators.set(at, use)
      if (use === undefined) continue
      checkValues(context, clause, use)
      checkValueShapes(context, clause, use)
      checkKey(context, facts, clause, use)
    }
    checkDuplicateKeys(context, clauses)
    checkPairedKeys(context, clauses)
  }
}
