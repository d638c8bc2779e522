import {
  comparisonSchema,
  documentVersions,
  erratumSchema,
  expectationSchema,
  literalPolicySchema,
  outcomes,
  placeholderSchema,
  printedSampleSchema,
  sampleKinds,
  statementPointerSchema,
} from '@connect-policy/samples'
import { z } from 'zod'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import { evaluationErrorSchema, explanationSchema } from '../../schemas/evaluation.ts'
import { findingSchema } from '../../schemas/finding.ts'

const findings = z.array(findingSchema).describe('what the validator reports on the text')

export const textOutcomeSchema = z
  .object({
    outcome: z
      .enum(outcomes)
      .describe('the decision, or `rejected` when AWS would refuse the text'),
    deciding: z.array(statementPointerSchema),
    errors: z.array(evaluationErrorSchema).optional().describe('why the text was rejected'),
    explanation: explanationSchema.optional().describe('with `explain=true` only'),
  })
  .meta({ id: 'TextOutcome', description: 'One policy text of a sample against one request.' })

const byVersion = <Schema extends z.ZodType>(schema: Schema) =>
  z.object({ original: schema.optional(), revised: schema.optional() })

const evaluatedExpectationSchema = z
  .object({
    ...expectationSchema.shape,
    evaluated: z
      .object({
        asDocumented: z
          .boolean()
          .describe('whether the corrected policy gives the documented decision'),
        asRecorded: z
          .boolean()
          .describe('whether every text gives the outcome the sample records for it'),
        corrected: textOutcomeSchema.optional(),
        printed: byVersion(textOutcomeSchema).describe('placeholders filled in'),
        literal: textOutcomeSchema.optional(),
      })
      .describe('what the texts give now, evaluated by this server'),
  })
  .meta({
    id: 'EvaluatedExpectation',
    description: 'What the documentation says happens to a request, and what the texts do.',
  })

export const sampleViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(sampleKinds),
    services: z.array(z.string()),
    description: z.string(),
    printed: byVersion(
      z.object({ ...printedSampleSchema.shape, findings: findings.optional() }).meta({
        id: 'PrintedSample',
        description: 'The sample as one printing shows it, with the findings on its policy text.',
      }),
    ),
    comparison: comparisonSchema.optional(),
    corrected: z.string().optional().describe('the policy as it should be'),
    correctedFindings: findings.optional(),
    literal: z
      .object({ ...literalPolicySchema.shape, findings })
      .optional()
      .describe('for prose: the policy a reader gets by doing literally what it says'),
    placeholders: z.array(placeholderSchema),
    errata: z.array(erratumSchema),
    expectations: z.array(evaluatedExpectationSchema),
  })
  .meta({
    id: 'Sample',
    description:
      'One example (or passage of prose) of the AWS page *Amazon Connect resource-level policy examples*.',
  })

const sampleId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a kebab-case sample id' })

export const listSamplesOperation = defineOperation({
  method: 'get',
  path: '/v1/samples',
  operationId: 'listSamples',
  tag: 'Samples',
  summary: 'The documented examples',
  description:
    'Every example of the Amazon Connect policy examples page, in page order: the text as printed (both printings), the corrected policy, the errata, the findings of the validator on each text, and the documented decisions as expectations evaluated by this server.',
  params: noParameters,
  query: noParameters,
  response: {
    description: 'The samples and the printings they come from.',
    schema: z
      .object({
        documents: z.array(
          z.object({
            version: z.enum(documentVersions),
            title: z.string(),
            file: z.string(),
            sha256: z.string(),
            lineCount: z.int(),
            description: z.string(),
          }),
        ),
        samples: z.array(sampleViewSchema),
      })
      .meta({ id: 'SampleList' }),
  },
  problems: ['invalid-request'],
})

export const getSampleOperation = defineOperation({
  method: 'get',
  path: '/v1/samples/{id}',
  operationId: 'getSample',
  tag: 'Samples',
  summary: 'One documented example',
  description:
    'One sample by id, as in the list; with `explain=true`, each evaluated text carries the whole explanation of its decision.',
  params: z.strictObject({
    id: sampleId.describe('the sample id, such as `deny-user-delete-update`'),
  }),
  query: z.strictObject({
    explain: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe('include the explanation of every evaluation'),
  }),
  response: { description: 'The sample.', schema: sampleViewSchema },
  problems: ['invalid-request', 'not-found'],
})
