import { awsCatalog } from '@connect-policy/catalog'
import { compilePolicies } from '@connect-policy/core'
import { measure } from '../harness/measure.ts'
import type { SuiteOutcome } from '../report/results.ts'
import { batchPolicySet, batchRequests, connectResources } from './batch-policy-set.ts'

/**
 * Benchmark 2: every Amazon Connect action of the service reference against 100 resources, each
 * pair one request, against identity policies, a permissions boundary and an SCP, compiled once.
 */
export function batchSuite(): SuiteOutcome {
  const actions = (awsCatalog().service('connect')?.actions ?? []).map((action) => action.fullName)
  const requests = batchRequests(actions, connectResources())
  const set = batchPolicySet()
  const compiled = compilePolicies(set)
  if (compiled.errors !== undefined) throw new Error(compiled.errors[0]?.message)
  const counts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
  for (const request of requests) {
    const { decision } = compiled.evaluate(request, { explain: false })
    if (decision === undefined) throw new Error(`\`${request.action}\` cannot be evaluated`)
    if (compiled.evaluate(request, { explain: true }).decision !== decision) {
      throw new Error(`\`${request.action}\` on ${request.resource}: explained decision differs`)
    }
    counts[decision]++
  }
  const run = (explain: boolean) => () => {
    let allowed = 0
    for (const request of requests) {
      if (compiled.evaluate(request, { explain }).decision === 'Allow') allowed++
    }
    return allowed
  }
  const unexplained = measure('batch explain false', run(false), {
    operations: requests.length,
    time: 1500,
    iterations: 5,
  })
  const explained = measure('batch explain true', run(true), {
    operations: requests.length,
    time: 1500,
    iterations: 3,
    warmupTime: 0,
  })
  const statements = [
    ...(set.identityPolicies ?? []),
    set.permissionsBoundary,
    ...(set.serviceControlPolicies ?? []).flat(),
  ].length
  return {
    suite: {
      id: 'batch',
      title: 'Batch evaluation: Amazon Connect actions × 100 resources',
      description: `${actions.length} Amazon Connect actions × 100 resources = ${requests.length.toLocaleString('en-US')} requests, each decided against ${statements} policies (identity, permissions boundary, SCP) compiled once. Time per decision.`,
      unit: 'ms',
      columns: ['explanation off', 'explanation on'],
      rate: 'decisions',
      rows: [
        {
          name: `${requests.length.toLocaleString('en-US')} requests`,
          first: unexplained,
          second: explained,
        },
      ],
      notes: [
        `Decisions: ${counts.Allow.toLocaleString('en-US')} Allow, ${counts.ExplicitDeny.toLocaleString('en-US')} ExplicitDeny, ${counts.ImplicitDeny.toLocaleString('en-US')} ImplicitDeny; one batch takes ${formatSeconds(unexplained.median * requests.length)} with the explanation off.`,
      ],
    },
    metrics: {},
  }
}

function formatSeconds(milliseconds: number): string {
  return milliseconds < 1000
    ? `${Math.round(milliseconds)} ms`
    : `${(milliseconds / 1000).toFixed(2)} s`
}
