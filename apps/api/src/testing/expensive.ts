/**
 * Work that is large but valid: bodies inside every documented limit whose evaluation takes
 * seconds to minutes of CPU, built from nothing but many statements' condition values against
 * many request context values, for many resources, for many requests. No pathological pattern is
 * needed: every match is linear, there are just many of them (policies × condition values ×
 * context values × resources × requests). With the defaults (20 policies of 1,000 patterns,
 * 1,000 context values, 20 resources) one request is about 400 million matches, over a minute on
 * a shared machine, which a budget of work per request may refuse up front; a batch of 1,000
 * requests each well within such a budget is as much work again.
 */
const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'

export interface ExpensiveWork {
  /** Policies in the set: at most `POLICIES_MAX` (20). */
  readonly policies?: number
  /** Condition values of each policy's one statement: at most `JSON_MAX_ITEMS` (1,000). */
  readonly patterns?: number
  /** Values of the multi-valued context key: at most `JSON_MAX_ITEMS` (1,000). */
  readonly values?: number
  /** Resources of the request: at most `RESOURCES_MAX` (20). */
  readonly resources?: number
}

/** A policy that allows `connect:*` when any tag key is like one of its patterns; none is. */
function taggedPolicy(index: number, patterns: number) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `Tagged${index}`,
        Effect: 'Allow',
        Action: 'connect:*',
        Resource: '*',
        Condition: {
          'ForAnyValue:StringLike': {
            'aws:TagKeys': Array.from({ length: patterns }, (_, value) => `*${index}x${value}*q*`),
          },
        },
      },
    ],
  }
}

function taggedSet(policies: number, patterns: number) {
  return {
    identityPolicies: Array.from({ length: policies }, (_, index) => taggedPolicy(index, patterns)),
  }
}

function taggedRequest(resources: number, values: number) {
  return {
    action: 'connect:DescribeUser',
    resource: Array.from({ length: resources }, (_, index) => `${instance}/agent/${index}`),
    context: {
      'aws:TagKeys': Array.from({ length: values }, (_, value) => `v${value}`.padEnd(64, 'z')),
    },
  }
}

/** A `POST /v1/evaluate` body of one request whose evaluation is `work`'s size. */
export function expensiveEvaluateBody({
  policies = 20,
  patterns = 1000,
  values = 1000,
  resources = 20,
}: ExpensiveWork = {}) {
  return {
    policies: taggedSet(policies, patterns),
    request: taggedRequest(resources, values),
    explain: 'none',
  }
}

/**
 * A `POST /v1/evaluate` body of a batch of `requests` requests, each of `work`'s size (one
 * resource and one context value unless said: a few milliseconds each).
 */
export function expensiveBatchBody({
  requests = 1000,
  policies = 20,
  patterns = 1000,
  values = 1,
  resources = 1,
}: ExpensiveWork & { readonly requests?: number } = {}) {
  const request = taggedRequest(resources, values)
  return {
    policies: taggedSet(policies, patterns),
    requests: Array.from({ length: requests }, () => request),
    explain: 'none',
  }
}
