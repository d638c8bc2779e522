import { compilePolicies } from '@connect-policy/core'
import { measure } from '../harness/measure.ts'
import type { ResultRow, SuiteOutcome } from '../report/results.ts'
import { documentedExamples } from './documented-examples.ts'

/**
 * Benchmarks 1 and the compile-once target: every documented example compiled once, each of its
 * requests decided with the explanation off and on; and compiling a set from its text and
 * deciding a request, against deciding it again with the set compiled.
 */
export function singleRequestSuites(): SuiteOutcome[] {
  const examples = documentedExamples()
  const rows: ResultRow[] = []
  const timed = (explain: boolean, time: number) => (example: (typeof examples)[number]) =>
    measure(
      `${example.id} explain ${explain}`,
      () => {
        let allowed = 0
        for (const request of example.requests) {
          if (example.compiled.evaluate(request, { explain }).decision === 'Allow') allowed++
        }
        return allowed
      },
      { operations: example.requests.length, time },
    )
  for (const example of examples) {
    rows.push({
      name: `\`${example.id}\` (${example.requests.length} requests)`,
      first: timed(false, 250)(example),
      second: timed(true, 250)(example),
    })
  }
  const decisions = examples.reduce((sum, example) => sum + example.requests.length, 0)
  const all = (explain: boolean) =>
    measure(
      `all examples explain ${explain}`,
      () => {
        let allowed = 0
        for (const example of examples) {
          for (const request of example.requests) {
            if (example.compiled.evaluate(request, { explain }).decision === 'Allow') allowed++
          }
        }
        return allowed
      },
      { operations: decisions, time: 1000 },
    )
  const unexplained = all(false)
  const explained = all(true)
  rows.push({
    name: `**every example** (${decisions} requests)`,
    first: unexplained,
    second: explained,
  })

  const firstRequests = examples.map((example) => ({
    policy: example.policy,
    request: example.requests[0],
    compiled: example.compiled,
  }))
  const again = measure(
    'evaluate again',
    () => {
      let allowed = 0
      for (const { compiled, request } of firstRequests) {
        if (
          request !== undefined &&
          compiled.evaluate(request, { explain: false }).decision === 'Allow'
        )
          allowed++
      }
      return allowed
    },
    { operations: firstRequests.length, time: 500 },
  )
  const fresh = measure(
    'compile and evaluate',
    () => {
      let allowed = 0
      for (const { policy, request } of firstRequests) {
        const compiled = compilePolicies({ identityPolicies: [policy] })
        if (
          request !== undefined &&
          compiled.evaluate(request, { explain: false }).decision === 'Allow'
        )
          allowed++
      }
      return allowed
    },
    { operations: firstRequests.length, time: 1000 },
  )
  return [
    {
      suite: {
        id: 'single-request',
        title: 'Single-request evaluation of the documented examples',
        description:
          'Each documented example with a corrected policy, compiled once; time per decision of its documented requests, explanation off and on (`compiled.evaluate(request, { explain })`).',
        unit: 'ms',
        columns: ['explanation off', 'explanation on'],
        rate: 'decisions',
        rows,
        notes: [],
      },
      metrics: {
        decisionsPerSecondUnexplained: 1000 / unexplained.median,
        decisionsPerSecondExplained: 1000 / explained.median,
      },
    },
    {
      suite: {
        id: 'compile-once',
        title: 'Compiling once',
        description:
          'The first request of each documented example (explanation off): decided by a set compiled earlier, and by a set compiled from the policy text for it (parse, check, compile, evaluate).',
        unit: 'ms',
        columns: ['evaluate again', 'compile + evaluate'],
        rate: 'decisions',
        rows: [{ name: `${firstRequests.length} examples`, first: again, second: fresh }],
        notes: [],
      },
      metrics: { compileOnceSpeedup: fresh.median / again.median },
    },
  ]
}
