import { decisionValues, effects, matchedElements, policyTypes } from '@connect-policy/core'
import { z } from 'zod'
import { diagnosticSchema } from './finding.ts'
import { sourceRangeSchema } from './source.ts'

export const statementRefSchema = z
  .object({
    policyType: z.enum(policyTypes),
    level: z
      .int()
      .nonnegative()
      .optional()
      .describe('for service and resource control policies: the level, 0 being the root'),
    policyIndex: z.int().nonnegative().describe('position among the policies of its type'),
    policyName: z.string().describe('the name given, else the policy `Id`, else its place'),
    statementIndex: z.int().nonnegative(),
    sid: z.string().optional(),
    effect: z.enum(effects),
    range: sourceRangeSchema,
  })
  .meta({ id: 'StatementRef', description: 'Which statement of which policy.' })

export const conditionClauseTraceSchema = z
  .object({
    operator: z.string(),
    key: z.string(),
    requestValues: z
      .array(z.string())
      .optional()
      .describe('absent when the request has no such key'),
    policyValues: z.array(z.string()),
    matched: z.boolean(),
    message: z.string(),
    range: sourceRangeSchema,
  })
  .meta({ id: 'ConditionClauseTrace', description: 'What one condition clause compared.' })

export const elementMatchSchema = z
  .object({
    element: z.enum(matchedElements),
    matched: z.boolean(),
    pattern: z.string().optional().describe('the pattern that matched, when one did'),
    message: z.string(),
    range: sourceRangeSchema,
    principal: z.string().optional().describe('for `Principal`: how the entry named the caller'),
    clauses: z.array(conditionClauseTraceSchema).optional(),
  })
  .meta({ id: 'ElementMatch', description: 'Why an element of a statement did or did not match.' })

export const statementTraceSchema = z
  .object({
    statement: statementRefSchema,
    applies: z.boolean(),
    elements: z.array(elementMatchSchema),
  })
  .meta({ id: 'StatementTrace', description: 'What one statement made of one resource.' })

export const layerVerdictSchema = z
  .object({
    policyType: z.enum(policyTypes),
    level: z.int().nonnegative().optional(),
    verdict: z.enum(['Deny', 'Allow', 'NoMatch']),
  })
  .meta({ id: 'LayerVerdict', description: 'What one kind of policy said about a resource.' })

export const resourceDecisionSchema = z
  .object({
    resource: z.string(),
    decision: z.enum(decisionValues),
    blockedBy: z
      .enum(policyTypes)
      .optional()
      .describe('for an implicit deny: the kind of policy that did not allow'),
    reason: z.string(),
    layers: z.array(layerVerdictSchema),
    deciding: z.array(statementRefSchema),
    statements: z
      .array(statementTraceSchema)
      .describe('every statement, when explained; empty with `"explain": false`'),
  })
  .meta({ id: 'ResourceDecision', description: 'The decision for one resource of the request.' })

export const explanationSchema = z
  .object({
    action: z.string(),
    deciding: z.array(statementRefSchema),
    resources: z.array(resourceDecisionSchema),
  })
  .meta({ id: 'Explanation', description: 'Why the request got its decision.' })

export const decisionSchema = z
  .object({
    decision: z.enum(decisionValues),
    explanation: explanationSchema,
  })
  .meta({ id: 'Decision', description: 'The decision AWS would reach, and why.' })

export const evaluationErrorSchema = z
  .object({
    source: z.enum(['policy', 'request']),
    policyIndex: z.int().nonnegative().optional(),
    policyName: z.string().optional(),
    message: z.string(),
    diagnostics: z.array(diagnosticSchema),
  })
  .meta({
    id: 'EvaluationError',
    description: 'A problem that keeps a policy set or a request from being evaluated.',
  })

export const evaluationFailureSchema = z.object({ errors: z.array(evaluationErrorSchema) }).meta({
  id: 'EvaluationFailure',
  description: 'No decision: a policy AWS would reject, or a malformed request.',
})
