import { z } from 'zod'
import type { Limits } from '../../env.ts'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import { findingSchema, suppressSchema } from '../../schemas/finding.ts'
import { policySchemas, policyTypeSchema } from '../../schemas/policy.ts'

export function validateOperation(limits: Limits) {
  return defineOperation({
    method: 'post',
    path: '/v1/validate',
    operationId: 'validatePolicy',
    tag: 'Policies',
    summary: 'Validate a policy',
    description:
      'Reports every problem of a policy, even broken JSON as the AWS documentation prints some, with a stable code, a severity, the line and column range and, where one exists, a fix. Checked against the AWS service reference: actions, resources, condition keys, policy type rules, size and security.',
    params: noParameters,
    query: noParameters,
    body: z
      .strictObject({
        policy: policySchemas(limits).policy,
        policyType: policyTypeSchema
          .optional()
          .describe('what the policy is attached as; `identity` unless said'),
        suppress: suppressSchema.optional().describe('finding codes not to report'),
      })
      .meta({
        id: 'ValidateRequest',
        example: {
          policy:
            '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUsers", "Resource": "*",}]}',
        },
      }),
    response: {
      description: 'The findings, in order of position (none for a clean policy).',
      schema: z
        .object({
          findings: z.array(findingSchema),
          text: z
            .string()
            .optional()
            .describe('for a policy given as an object: the text the ranges refer to'),
        })
        .meta({ id: 'ValidateResponse' }),
    },
    problems: [],
  })
}

export type ValidateOperation = ReturnType<typeof validateOperation>
