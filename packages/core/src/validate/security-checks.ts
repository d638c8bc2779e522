import { compileWildcard, matchesWildcard, splitArn } from '../match/index.ts'
import type { CheckContext, StatementFacts } from './check-context.ts'
import { trustActionsOnly } from './policy-type-checks.ts'

const starsOnly = /^\*+$/

/** Whether the statement's actions include `action` (lower case `service:name`). */
function includesAction(facts: StatementFacts, action: string): boolean {
  const element = facts.statement.action
  if (element === undefined) return false
  const named = element.values.some((value) =>
    matchesWildcard(compileWildcard(value.value.toLowerCase()), action),
  )
  return element.element === 'Action' ? named : !named
}

function everyResource(facts: StatementFacts): boolean {
  return facts.notResource || facts.resources.some((resource) => starsOnly.test(resource.value))
}

/**
 * Whether a resource names every IAM role under `path`: `arn:aws:iam::123456789012:role/*`
 * names every role of the account as surely as `*` does (IAM Access Analyzer's
 * `PASS_ROLE_WITH_STAR_IN_RESOURCE` counts any such wildcard).
 */
function namesEveryRole(resource: string, path: string): boolean {
  const parts = splitArn(resource)
  if (parts === undefined || !/^(iam|\*+)$/.test(parts.service)) return false
  const star = parts.resource.indexOf('*')
  return (
    star >= 0 &&
    starsOnly.test(parts.resource.slice(star)) &&
    `role/${path}`.startsWith(parts.resource.slice(0, star))
  )
}

function everyRole(facts: StatementFacts, path = ''): boolean {
  return everyResource(facts) || facts.resources.some((r) => namesEveryRole(r.value, path))
}

function hasKey(facts: StatementFacts, ...keys: string[]): boolean {
  return (facts.statement.condition?.clauses ?? []).some((clause) =>
    keys.includes(clause.key.value.toLowerCase()),
  )
}

function checkBroadRoleActions(context: CheckContext, facts: StatementFacts) {
  const range = facts.statement.action?.range
  if (range === undefined) return
  if (
    includesAction(facts, 'iam:passrole') &&
    everyRole(facts) &&
    !hasKey(facts, 'iam:passedtoservice')
  ) {
    context.report(
      'pass-role-any-role',
      'security-warning',
      'this statement lets the principal pass any role to any service, which can give it the permissions of every role: name the roles in `Resource` or add an `iam:PassedToService` condition',
      range,
    )
  }
  if (
    includesAction(facts, 'iam:createservicelinkedrole') &&
    everyRole(facts, 'aws-service-role/') &&
    !hasKey(facts, 'iam:awsservicename')
  ) {
    context.report(
      'create-service-linked-role-any',
      'warning',
      'this statement lets the principal create the service-linked role of any service: name the roles in `Resource` or add an `iam:AWSServiceName` condition',
      range,
    )
  }
}

function checkPrincipal(context: CheckContext, facts: StatementFacts) {
  const { principal, condition } = facts.statement
  if (principal === undefined) return
  if (principal.element === 'NotPrincipal') {
    context.report(
      'allow-with-not-principal',
      'security-warning',
      '`Allow` with `NotPrincipal` allows everyone not listed, anonymous callers included: name the principals in `Principal`',
      principal.range,
    )
    return
  }
  if (context.policyType !== 'resource') return
  const everyone =
    principal.anyone ||
    principal.entries.some(
      (entry) => entry.type.value === 'AWS' && entry.values.some((v) => v.value === '*'),
    )
  if (everyone && condition === undefined) {
    context.report(
      'public-access',
      'security-warning',
      'this statement allows anyone, including anonymous callers from any account: name the principals, or limit it with a condition such as `aws:PrincipalOrgID`',
      principal.range,
    )
  }
  const services = principal.entries.filter((entry) => entry.type.value === 'Service')
  const trustOnly = trustActionsOnly(facts.statement)
  const sourceKeys = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths']
  if (services.length > 0 && !trustOnly && !hasKey(facts, ...sourceKeys)) {
    context.report(
      'service-principal-without-source',
      'security-warning',
      'a service principal acts for every AWS customer: add `aws:SourceArn` or `aws:SourceAccount` so that it acts only for your resources',
      services[0]?.type.range ?? principal.range,
    )
  }
}

/**
 * What grants more than it seems to (*IAM Access Analyzer policy checks*, security warnings):
 * `Allow` with `NotAction` or `NotResource`, everything on everything, passing any role,
 * `NotPrincipal` in an Allow, public resource policies, and service principals not limited to
 * the caller's resources.
 */
export function checkSecurity(context: CheckContext): void {
  const layer =
    context.policyType === 'serviceControl' ||
    context.policyType === 'resourceControl' ||
    context.policyType === 'permissionsBoundary' ||
    context.policyType === 'session'
  for (const facts of context.statements) {
    if (facts.effect !== 'Allow') continue
    const { action, resource, condition } = facts.statement
    // guardrail layers only limit: an Allow in them grants nothing by itself
    if (!layer) {
      if (action?.element === 'NotAction') {
        context.report(
          'allow-not-action',
          'security-warning',
          '`Allow` with `NotAction` allows every action not listed, including those AWS adds later: list the actions to allow instead',
          action.range,
        )
      }
      if (resource?.element === 'NotResource') {
        context.report(
          'allow-not-resource',
          'security-warning',
          '`Allow` with `NotResource` allows every resource not listed, including those created later: list the resources to allow instead',
          resource.range,
        )
      }
      const allActions =
        action?.element === 'Action' && action.values.some((v) => /^\*+(:\*+)?$/.test(v.value))
      if (allActions && everyResource(facts) && condition === undefined && action !== undefined) {
        context.report(
          'allow-all',
          'security-warning',
          'this statement allows every action on every resource: full administrator access',
          action.range,
        )
      }
      checkBroadRoleActions(context, facts)
    }
    checkPrincipal(context, facts)
  }
}
