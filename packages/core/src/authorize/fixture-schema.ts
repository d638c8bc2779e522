import { z } from 'zod'
import { diagnosticCodes } from '../model/index.ts'
import { policyTypes } from './policy-set.ts'
import { decisionValues, evaluationFindingCodes } from './result.ts'

/** A statement of the set: its policy type, organization level, policy and statement. */
const statementPointer = z.strictObject({
  type: z.enum(policyTypes),
  level: z.number().int().min(0).optional(),
  policy: z.number().int().min(0),
  statement: z.number().int().min(0),
})

/**
 * One scenario any IAM engine could run: a policy set, a request and what AWS decides, with the
 * documentation the rule comes from. Unknown fields are rejected so that a typo in a fixture
 * cannot silently drop an expectation.
 */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  source: z.string().min(1),
  /**
   * The service reference the evaluation is given: `fixture`, core's small reference of
   * `catalog/create-catalog.test-data.ts`; none when absent.
   */
  serviceReference: z.literal('fixture').optional(),
  identityPolicies: z.array(z.unknown()).optional(),
  resourcePolicy: z.unknown().optional(),
  permissionsBoundary: z.unknown().optional(),
  sessionPolicy: z.unknown().optional(),
  serviceControlPolicies: z.array(z.array(z.unknown())).optional(),
  resourceControlPolicies: z.array(z.array(z.unknown())).optional(),
  request: z.strictObject({
    action: z.string(),
    resource: z.union([z.string(), z.array(z.string())]),
    principal: z.string().optional(),
    context: z.record(z.string(), z.unknown()).optional(),
    time: z.union([z.string(), z.number()]).optional(),
  }),
  expected: z.union([
    z
      .strictObject({
        decision: z.enum(decisionValues),
        /**
         * The statements that decide, in order: every one for `Allow` and `ExplicitDeny`, none
         * for `ImplicitDeny`.
         */
        deciding: z.array(statementPointer).optional(),
        blockedBy: z.enum(policyTypes).optional(),
        /** The codes of the findings beside the decision, in order; none when absent. */
        findings: z.array(z.enum(evaluationFindingCodes)).optional(),
      })
      .refine(
        (expected) => (expected.decision === 'ImplicitDeny') === (expected.deciding === undefined),
        {
          message:
            'an Allow or an ExplicitDeny names its deciding statements; an ImplicitDeny none',
        },
      ),
    z.strictObject({ errors: z.array(z.enum(diagnosticCodes)).min(1) }),
    z.strictObject({ requestError: z.string().min(1) }),
  ]),
})

export const scenarioFileSchema = z.strictObject({
  rule: z.string().min(1),
  scenarios: z.array(scenarioSchema).min(1),
})

export type Scenario = z.infer<typeof scenarioSchema>
export type ScenarioFile = z.infer<typeof scenarioFileSchema>
