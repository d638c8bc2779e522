import { accessLevels, conditionKeyTypes } from '@connect-policy/core'
import { z } from 'zod'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import { catalogSourceSchema } from '../../schemas/catalog.ts'

export const serviceSummarySchema = z
  .object({
    prefix: z.string().describe('the service prefix of its actions, such as `connect`'),
    name: z.string(),
    connectFamily: z
      .boolean()
      .describe('whether it is Amazon Connect or a service built or sold with it'),
    actions: z.int().nonnegative(),
    resourceTypes: z.int().nonnegative(),
    conditionKeys: z.int().nonnegative(),
  })
  .meta({ id: 'ServiceSummary' })

const conditionKeySchema = z
  .object({
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's notation, not a template
    name: z.string().describe('as the reference writes it, such as `aws:ResourceTag/${TagKey}`'),
    type: z.enum(conditionKeyTypes),
    description: z.string().optional(),
  })
  .meta({ id: 'ConditionKey' })

export const serviceSchema = z
  .object({
    source: catalogSourceSchema,
    prefix: z.string(),
    name: z.string(),
    actions: z.array(
      z.object({
        name: z.string(),
        description: z.string().optional(),
        accessLevels: z.array(z.enum(accessLevels)),
        resourceTypes: z.array(
          z.object({
            name: z.string(),
            required: z.boolean(),
            conditionKeys: z.array(z.string()).optional(),
          }),
        ),
        conditionKeys: z.array(z.string()),
        dependentActions: z.array(z.string()).optional(),
      }),
    ),
    resourceTypes: z.array(
      z.object({
        name: z.string(),
        arnFormats: z.array(z.string()),
        conditionKeys: z.array(z.string()),
      }),
    ),
    conditionKeys: z.array(conditionKeySchema),
  })
  .meta({
    id: 'Service',
    description: 'What the Service Authorization Reference says of a service.',
  })

export const catalogActionSchema = z
  .object({
    action: z.string().describe('`service:Name`, as the reference spells it'),
    service: z.string(),
    name: z.string(),
    description: z
      .string()
      .optional()
      .describe("the Service Authorization Reference's one-line description"),
    accessLevels: z.array(z.enum(accessLevels)),
    wildcardOnly: z.boolean().describe('whether the action takes no resource (`Resource: "*"`)'),
    resourceTypes: z.array(
      z.object({
        service: z.string(),
        name: z.string(),
        required: z.boolean(),
        arnFormats: z.array(z.string()),
        conditionKeys: z.array(z.string()),
      }),
    ),
    conditionKeys: z
      .array(z.string())
      .describe('the keys of the action itself, as the reference writes them'),
    dependentActions: z.array(z.string()),
  })
  .meta({ id: 'CatalogAction' })

export const listServicesOperation = defineOperation({
  method: 'get',
  path: '/v1/catalog/services',
  operationId: 'listServices',
  tag: 'Catalog',
  summary: 'AWS services',
  description:
    'Every service of the AWS service reference, with counts; `family=connect` keeps Amazon Connect and the services around it.',
  params: noParameters,
  query: z.strictObject({
    family: z.enum(['connect']).optional().describe('keep only this family of services'),
  }),
  response: {
    description: 'The services, by prefix.',
    schema: z
      .object({ source: catalogSourceSchema, services: z.array(serviceSummarySchema) })
      .meta({ id: 'ServiceList' }),
  },
  problems: ['invalid-request'],
})

const prefix = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, { error: 'must be a service prefix such as `connect`' })

export const getServiceOperation = defineOperation({
  method: 'get',
  path: '/v1/catalog/services/{prefix}',
  operationId: 'getService',
  tag: 'Catalog',
  summary: 'One AWS service',
  description:
    "A service's actions (access levels, resource types, condition keys), resource types (ARN formats) and condition keys. The prefix is case-insensitive.",
  params: z.strictObject({ prefix: prefix.describe('the service prefix, such as `connect`') }),
  query: noParameters,
  response: { description: 'The service.', schema: serviceSchema },
  problems: ['invalid-request', 'not-found'],
})

const actionPageMax = 1000

const actionPattern = z
  .string()
  .max(256)
  .regex(/^(?:[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+|\*+)$/, {
    error: 'must be `service:Action`, with `*` and `?` wildcards allowed',
  })

export const findActionsOperation = defineOperation({
  method: 'get',
  path: '/v1/catalog/actions/{action}',
  operationId: 'findActions',
  tag: 'Catalog',
  summary: 'Actions by name or pattern',
  description:
    'The actions an `Action` element would name, as IAM matches them (case-insensitive; `*` any run of characters, `?` one character): `connect:DescribeUser`, `connect:Describe*`, `*:Get*`. A name without wildcards that no service has is 404; a pattern that matches nothing is an empty page.',
  params: z.strictObject({ action: actionPattern.describe('an action or an action pattern') }),
  query: z.strictObject({
    offset: z.coerce.number().int().nonnegative().max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(actionPageMax).default(100),
  }),
  response: {
    description: 'One page of the matching actions, in reference order.',
    schema: z
      .object({
        pattern: z.string(),
        total: z.int().nonnegative().describe('how many actions match in all'),
        offset: z.int().nonnegative(),
        limit: z.int().positive(),
        actions: z.array(catalogActionSchema),
      })
      .meta({ id: 'ActionPage' }),
  },
  problems: ['invalid-request', 'not-found'],
})
