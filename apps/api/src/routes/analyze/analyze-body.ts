import { auditPolicySet } from '@connect-policy/audit'
import {
  type AnalysisOptions,
  checkAccessNotGranted,
  comparePolicies,
  type EvaluationError,
  summarizeAccess,
} from '@connect-policy/core'
import type { z } from 'zod'
import type { CatalogProvider } from '../../dependencies.ts'
import type { DeepReadonly } from '../../http/handle.ts'
import { ProblemError } from '../../problem/problem.ts'
import type {
  AuditOperation,
  CheckNotGrantedOperation,
  CompareOperation,
  SummarizeOperation,
} from './schemas.ts'

type Body<Operation extends { body?: unknown }> = z.output<
  NonNullable<Operation['body']> & z.ZodType
>
/** What an operation answers, as its response schema reads it. */
export type Answer<Operation extends { response: { schema: z.ZodType } }> = DeepReadonly<
  z.input<Operation['response']['schema']>
>

/** What each analysis takes, by its task's name. */
export type AnalyzeTask =
  | { readonly analysis: 'compare'; readonly body: Body<CompareOperation> }
  | { readonly analysis: 'check-not-granted'; readonly body: Body<CheckNotGrantedOperation> }
  | { readonly analysis: 'summarize'; readonly body: Body<SummarizeOperation> }
  | { readonly analysis: 'audit'; readonly body: Body<AuditOperation> }

export type AnalyzeAnswer =
  | Answer<CompareOperation>
  | Answer<CheckNotGrantedOperation>
  | Answer<SummarizeOperation>
  | Answer<AuditOperation>

function refused(errors: readonly EvaluationError[]): ProblemError {
  const count = errors.length
  return new ProblemError(
    'invalid-policy-set',
    `${count} ${count === 1 ? 'policy' : 'policies'} cannot be analyzed: ${errors.map((error) => error.message).join('; ')}`,
    { evaluationErrors: errors },
  )
}

/**
 * The analyses of `POST /v1/compare`, `/v1/check-not-granted`, `/v1/summarize` and `/v1/audit`, as a worker
 * thread runs them with the server's service reference; the pool stops one at its deadline.
 */
export function analyzer(catalog: CatalogProvider): (task: AnalyzeTask) => AnalyzeAnswer {
  return (task) => {
    const options: AnalysisOptions = { catalog: catalog.catalog() }
    const result =
      task.analysis === 'compare'
        ? comparePolicies(task.body.before, task.body.after, options)
        : task.analysis === 'check-not-granted'
          ? checkAccessNotGranted(
              task.body.policies,
              {
                actions: task.body.actions,
                ...(task.body.resources === undefined ? {} : { resources: task.body.resources }),
              },
              options,
            )
          : task.analysis === 'summarize'
            ? summarizeAccess(task.body.policies, options)
            : auditPolicySet(task.body.policies, {
                catalog: options.catalog as NonNullable<AnalysisOptions['catalog']>,
                ...(task.body.checks === undefined ? {} : { checks: task.body.checks }),
                ...(task.body.instances === undefined ? {} : { instances: task.body.instances }),
                ...(task.body.accounts === undefined ? {} : { accounts: task.body.accounts }),
              })
    if (result.errors !== undefined) throw refused(result.errors)
    return result as AnalyzeAnswer
  }
}
