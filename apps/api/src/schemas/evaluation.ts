import {
  decisionValues,
  effects,
  evaluationErrorSources,
  evaluationFindingCodes,
  matchedElements,
  policyTypes,
  undocumentedReasons,
} from '@connect-policy/core'
import { z } from 'zod'
import { diagnosticSchema, overBudgetSchema } from './finding.ts'
import { sourceRangeSchema } from './source.ts'

/** How many entries of a capped list an answer leaves out, beside the list: absent when none. */
const omittedSchema = (list: string, cap: string) =>
  z
    .int()
    .positive()
    .optional()
    .describe(
      `how many entries \`${list}\` leaves out (at most \`${cap}\` are listed); absent when none`,
    )

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
    undocumented: z
      .enum(undocumentedReasons)
      .optional()
      .describe(
        'present when AWS does not document the outcome of the clause: why; `matched` is then the reading that grants least (not holding in an Allow, holding in a Deny)',
      ),
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
    note: z
      .string()
      .optional()
      .describe(
        'present when the statement reads a key AWS may or may not send with the action, and the reading that grants least was taken',
      ),
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
    omittedDeciding: omittedSchema('deciding', 'maxDeciding'),
    statements: z
      .array(statementTraceSchema)
      .describe(
        'every statement, when explained in full (those that apply first, at most `maxTraces`); empty with `"explain": "deciding"`',
      ),
    omittedStatements: omittedSchema('statements', 'maxTraces'),
  })
  .meta({ id: 'ResourceDecision', description: 'The decision for one resource of the request.' })

export const explanationSchema = z
  .object({
    action: z.string(),
    deciding: z.array(statementRefSchema),
    omittedDeciding: omittedSchema('deciding', 'maxDeciding'),
    resources: z.array(resourceDecisionSchema),
  })
  .meta({ id: 'Explanation', description: 'Why the request got its decision.' })

export const evaluationFindingSchema = z
  .object({
    code: z.enum(evaluationFindingCodes),
    severity: z
      .enum(['warning', 'suggestion'])
      .describe('`warning`: the decision may not be the one meant; `suggestion`: worth a look'),
    message: z.string(),
    statement: statementRefSchema
      .optional()
      .describe('for a finding about a policy: the statement that holds the value'),
    range: sourceRangeSchema
      .optional()
      .describe('for a finding about a policy: where the value is written in it'),
    suggestion: z
      .string()
      .optional()
      .describe(
        'the likely name meant, for an action or service the service reference does not know',
      ),
  })
  .meta({
    id: 'EvaluationFinding',
    description:
      'Something worth knowing beside a decision, which does not change it: the request is not one AWS would be asked as given (an unknown action or service, a resource the action is not authorized against or one it needs left out, a context key AWS does not send with the action), or an Allow holds a value that matches nothing.',
  })

export const decisionSchema = z
  .object({
    decision: z.enum(decisionValues),
    findings: z
      .array(evaluationFindingSchema)
      .describe('what the evaluation has to say beside the decision; empty when nothing'),
    omittedFindings: omittedSchema('findings', 'maxFindings'),
    explanation: explanationSchema.optional().describe('left out with `"explain": "none"`'),
  })
  .meta({ id: 'Decision', description: 'The decision AWS would reach, its findings, and why.' })

export const evaluationErrorSchema = z
  .object({
    source: z
      .enum(evaluationErrorSources)
      .describe(
        'what could not be evaluated: a policy of the set (or the set), the request, the options, or the request against the set within the budget',
      ),
    policyIndex: z.int().nonnegative().optional(),
    policyName: z.string().optional(),
    message: z.string(),
    diagnostics: z.array(diagnosticSchema),
    overBudget: overBudgetSchema
      .optional()
      .describe('for `source: budget`: the limit the evaluation would pass; nothing was evaluated'),
  })
  .meta({
    id: 'EvaluationError',
    description: 'A problem that keeps a policy set or a request from being evaluated.',
  })

export const evaluationFailureSchema = z.object({ errors: z.array(evaluationErrorSchema) }).meta({
  id: 'EvaluationFailure',
  description: 'No decision: a policy AWS would reject, or a malformed request.',
})
