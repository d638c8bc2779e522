import { z } from 'zod'

/** How much of a decision an answer explains, from every statement to none. */
export const explainModes = ['full', 'deciding', 'none'] as const
export type ExplainMode = (typeof explainModes)[number]

import type { Limits } from '../../env.ts'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import { decisionSchema, evaluationFailureSchema } from '../../schemas/evaluation.ts'
import { policySchemas } from '../../schemas/policy.ts'

export function evaluateOperation(limits: Limits) {
  const { policySet, authorizationRequest } = policySchemas(limits)
  return defineOperation({
    method: 'post',
    path: '/v1/evaluate',
    operationId: 'evaluateRequests',
    tag: 'Policies',
    summary: 'Decide requests against a policy set',
    description: `Decides one request (\`request\`) or a batch (\`requests\`, at most ${limits.batchRequests}) as AWS does (an explicit Deny wins; every resource of a multi-resource action must be allowed) and explains each decision. Beside each decision, \`findings\` says what the AWS service reference makes of the request (an unknown action or service, with the likely name meant; a resource the action is not authorized against or one it needs left out; a context key AWS does not send with the action) and which Allow entries match nothing as written; findings never change the decision. The set is compiled once per call, with the server's AWS service reference: \`connect:InstanceId\` is derived only for the actions the reference lists it for. A set AWS would reject, or one with a Deny whose value cannot be read (an action with a space around it, say), gets no decision (422 \`invalid-policy-set\`). In a batch, a request that cannot be evaluated gets \`errors\` in its place of \`results\`; alone, it gets 422 \`invalid-authorization-request\`. A batch is cut off with 503 \`request-timeout\` when it runs past the time limit. A batch whose requests core estimates at more than ${limits.batchSteps} steps of work together (\`BATCH_MAX_STEPS\`, what one request may take) is refused before any of them is decided (422 \`batch-over-budget\`, with the figures in \`overBudget\`). A batch's results, in order, take at most ${limits.batchAnswerBytes} bytes of JSON together (\`BATCH_MAX_ANSWER_BYTES\`): the requests after the last one that fits are left undecided and counted in \`omittedResults\`, to be sent again, as core caps each list of an answer with a count of what it leaves out. Each request is decided within core's default budget: one estimated to cost more (its resources against the statements it reads, condition values against the request's values) gets \`errors\` with \`source: budget\` and the figures in \`overBudget\`, before any of its work; lists are capped (100 deciding statements, 1,000 statement traces per resource, 1,000 findings), with \`omittedDeciding\`, \`omittedStatements\` and \`omittedFindings\` counting what was left out.`,
    params: noParameters,
    query: noParameters,
    body: z
      .strictObject({
        policies: policySet,
        request: authorizationRequest.optional().describe('one request; or give `requests`'),
        requests: z
          .array(authorizationRequest)
          .min(1)
          .max(limits.batchRequests)
          .optional()
          .describe('a batch of requests, decided against the set compiled once'),
        explain: z
          .union([z.boolean(), z.enum(explainModes)])
          .default('full')
          .describe(
            "how much of each decision to explain: `full` (or `true`) accounts for every statement; `deciding` (or `false`) names the deciding statements and each layer's verdict; `none` leaves the explanation out and answers the decision and its findings only, for batches",
          ),
      })
      .superRefine((body, context) => {
        if ((body.request === undefined) === (body.requests === undefined)) {
          context.addIssue({
            code: 'custom',
            message: 'must have either `request` or `requests`, and not both',
          })
        }
      })
      .meta({
        id: 'EvaluateRequest',
        example: {
          policies: {
            identityPolicies: [
              {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: 'connect:DescribeUser',
                    Resource:
                      'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/*',
                  },
                ],
              },
            ],
          },
          request: {
            action: 'connect:DescribeUser',
            resource:
              'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/1e2f3a4b-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
          },
        },
      }),
    response: {
      description:
        'For `request`: the decision, its findings and its explanation. For `requests`: `results`, in order, each a decision (with its findings and explanation) or the errors of a request that cannot be evaluated, and `omittedResults`, the requests left undecided at the end of a batch whose answer would have been too large.',
      schema: z
        .union([
          decisionSchema,
          z
            .object({
              results: z.array(z.union([decisionSchema, evaluationFailureSchema])),
              omittedResults: z
                .number()
                .int()
                .min(1)
                .optional()
                .describe(
                  `requests at the end of the batch left undecided, since their results would have taken the answer past ${limits.batchAnswerBytes} bytes (\`BATCH_MAX_ANSWER_BYTES\`); present only when some are left out: send them again`,
                ),
            })
            .meta({ id: 'BatchResults' }),
        ])
        .meta({ id: 'EvaluateResponse' }),
    },
    problems: [
      'invalid-policy-set',
      'invalid-authorization-request',
      'batch-over-budget',
      'explanation-too-large',
    ],
  })
}

export type EvaluateOperation = ReturnType<typeof evaluateOperation>
