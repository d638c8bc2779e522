import {
  holdsDeployTimeValue,
  type Located,
  type PolicyDocument,
  type PrincipalElement,
  type Statement,
  type StringListElement,
} from '../model/index.ts'

function withoutDeployTime<Name extends string>(
  list: StringListElement<Name> | undefined,
): StringListElement<Name> | undefined {
  if (list === undefined || list.element.startsWith('Not')) return list
  const values = list.values.filter((value) => !holdsDeployTimeValue(value.value))
  return values.length === list.values.length ? list : { ...list, values }
}

function principalWithoutDeployTime(
  principal: PrincipalElement | undefined,
): PrincipalElement | undefined {
  if (principal === undefined || principal.element === 'NotPrincipal') return principal
  const keep = (value: Located<string>) => !holdsDeployTimeValue(value.value)
  if (principal.entries.every((entry) => entry.values.every(keep))) return principal
  return {
    ...principal,
    entries: principal.entries.map((entry) => ({ ...entry, values: entry.values.filter(keep) })),
  }
}

function allowAsRead(statement: Statement): Statement {
  if (statement.effect?.value !== 'Allow') return statement
  const action = withoutDeployTime(statement.action)
  const resource = withoutDeployTime(statement.resource)
  const principal = principalWithoutDeployTime(statement.principal)
  if (
    action === statement.action &&
    resource === statement.resource &&
    principal === statement.principal
  ) {
    return statement
  }
  const { action: _a, resource: _r, principal: _p, ...rest } = statement
  return {
    ...rest,
    ...(action === undefined ? {} : { action }),
    ...(resource === undefined ? {} : { resource }),
    ...(principal === undefined ? {} : { principal }),
  }
}

/**
 * The document as evaluation and analysis read it: an `Action`, `Resource` or `Principal` entry
 * of an Allow that holds a deploy-time value (`{{Ref Bucket}}`) matches nothing, since no request
 * is known to carry what the deployment will fill in. Taking the entry out, rather than matching
 * its text, keeps a request that happens to spell `{{Ref Bucket}}` from being allowed, and keeps
 * analysis from offering such a request as a witness. Every other place a deploy-time value can
 * stand keeps the policy from being evaluated (`statementReadability`), so nothing else is
 * rewritten.
 */
export function readDeployTimeValues(document: PolicyDocument): PolicyDocument {
  const statements = document.statements.map(allowAsRead)
  return statements.every((statement, index) => statement === document.statements[index])
    ? document
    : { ...document, statements }
}
