import { z } from 'zod'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import { problemTypes } from '../../problem/problem-types.ts'

export const openApiOperation = defineOperation({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tag: 'Operations',
  summary: 'This document',
  description:
    'The OpenAPI 3.1 document of the API, generated from the schemas that validate its requests.',
  params: noParameters,
  query: noParameters,
  response: {
    description: 'The OpenAPI document.',
    schema: z.record(z.string(), z.unknown()).describe('an OpenAPI 3.1 document'),
  },
  problems: [],
})

export const referenceOperation = defineOperation({
  method: 'get',
  path: '/docs',
  operationId: 'getReference',
  tag: 'Operations',
  summary: 'The API reference',
  description: 'This document as an HTML page, self-contained.',
  params: noParameters,
  query: noParameters,
  response: { description: 'The reference page.', schema: z.string(), mediaType: 'text/html' },
  problems: [],
})

export const problemTypeOperation = defineOperation({
  method: 'get',
  path: '/problems/{type}',
  operationId: 'getProblemType',
  tag: 'Operations',
  summary: 'A problem type',
  description: 'What a problem `type` means: the page its URI resolves to.',
  params: z.strictObject({
    type: z
      .string()
      .max(64)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a kebab-case problem type' })
      .describe(
        `the problem type: ${Object.keys(problemTypes)
          .map((type) => `\`${type}\``)
          .join(', ')}`,
      ),
  }),
  query: noParameters,
  response: { description: 'The problem type.', schema: z.string(), mediaType: 'text/html' },
  problems: ['invalid-request', 'not-found'],
})
