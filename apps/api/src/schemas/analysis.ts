import { decisionValues } from '@connect-policy/core'
import { z } from 'zod'
import { decisionSchema, statementRefSchema } from './evaluation.ts'

const conditionValues = z
  .record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]))
  .describe(
    'each condition key the deciding statements read, with the value given (`null`: not given)',
  )

export const witnessRequestSchema = z
  .object({
    action: z.string(),
    resource: z.union([z.string(), z.array(z.string())]),
    principal: z.string().optional(),
    context: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'WitnessRequest', description: 'A complete request, ready for `POST /v1/evaluate`.' })

export const accessRegionSchema = z
  .object({
    actions: z.array(z.string()),
    unlistedAction: z
      .boolean()
      .describe('whether an action here is one the service reference does not list'),
    resourceTypes: z.array(z.string()),
    within: z
      .array(z.string())
      .describe('the resource patterns of the policies the resources match'),
    outside: z.array(z.string()).describe('those they do not'),
    conditions: conditionValues,
    witness: z.object({
      request: witnessRequestSchema,
      before: decisionSchema,
      after: decisionSchema,
    }),
    description: z.string().describe('the region in one line, with its witness'),
  })
  .meta({ id: 'AccessRegion' })

export const accessChangeSchema = z
  .object({
    regions: z.array(accessRegionSchema),
    omittedRegions: z.number().int().min(0).describe('regions found past the ones listed'),
  })
  .meta({ id: 'AccessChange' })

const reasons = z
  .array(z.string())
  .describe('why an answer is `unknown`, or why a direction found empty may not be')

export const comparisonSchema = z
  .object({
    relation: z.enum(['equivalent', 'narrower', 'broader', 'incomparable', 'unknown']),
    added: accessChangeSchema,
    removed: accessChangeSchema,
    reasons,
    requests: z.number().int().min(0).describe('requests decided on each side'),
  })
  .meta({ id: 'Comparison' })

export const accessCheckSchema = z
  .object({
    result: z.enum(['pass', 'fail', 'unknown']),
    access: accessChangeSchema.describe('the access that makes the check fail'),
    reasons,
    requests: z.number().int().min(0),
  })
  .meta({ id: 'AccessCheck' })

export const accessGrantSchema = z
  .object({
    actions: z.array(z.string()),
    resourceType: z.string(),
    within: z.array(z.string()),
    outside: z.array(z.string()),
    when: z.array(conditionValues),
    witness: witnessRequestSchema,
    description: z.string(),
  })
  .meta({ id: 'AccessGrant' })

export const accessSummarySchema = z
  .object({
    services: z.array(
      z.object({
        service: z.string(),
        name: z.string().optional(),
        levels: z.array(z.object({ level: z.string(), grants: z.array(accessGrantSchema) })),
      }),
    ),
    complete: z.boolean(),
    reasons,
    requests: z.number().int().min(0),
  })
  .meta({ id: 'AccessSummary' })

export const auditFindingSchema = z
  .object({
    code: z.string().describe('the check that found it'),
    severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
    category: z.string(),
    title: z.string(),
    message: z.string().describe('what was found, in one sentence that names the witness'),
    actions: z.array(z.string()),
    within: z.array(z.string()).describe('the resource patterns of the set the witness matches'),
    outside: z.array(z.string()).describe('those it does not'),
    conditions: conditionValues,
    witness: z.object({
      request: witnessRequestSchema,
      decision: z.enum(decisionValues).describe("the set's decision on the request"),
      deciding: z
        .array(statementRefSchema)
        .describe(
          'the statements that decide it, the first three: `POST /v1/evaluate` explains it whole',
        ),
    }),
    source: z.object({ title: z.string(), url: z.string() }).describe('the AWS page'),
  })
  .meta({ id: 'AuditFinding' })

export const auditReportSchema = z
  .object({
    findings: z.array(auditFindingSchema).describe('most severe first'),
    checks: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
        status: z.enum(['pass', 'fail', 'unknown', 'skipped']),
        findings: z.number().int().min(0).describe('found, listed or not'),
        omittedFindings: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('found and not listed, as the report keeps within its size'),
        reasons: z.array(z.string()).describe('why a check is `unknown` or `skipped`'),
      }),
    ),
  })
  .meta({ id: 'AuditReport' })
