import { z } from 'zod'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'

export const catalogSourceSchema = z
  .object({
    name: z.string().describe('the package the data comes from'),
    version: z.string(),
    date: z.string().describe('when the data was gathered (ISO 8601)'),
  })
  .meta({ id: 'CatalogSource', description: 'Where the AWS service reference comes from.' })

export const healthOperation = defineOperation({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tag: 'Operations',
  summary: 'Liveness',
  description:
    'Answers as long as the process serves requests. Not rate limited; for load balancer and orchestrator probes.',
  params: noParameters,
  query: noParameters,
  response: {
    description: 'The process is alive.',
    schema: z.object({ status: z.literal('ok') }).meta({ id: 'Health' }),
  },
  problems: [],
})

export const readinessOperation = defineOperation({
  method: 'get',
  path: '/readyz',
  operationId: 'getReadiness',
  tag: 'Operations',
  summary: 'Readiness',
  description:
    'Answers 200 once the AWS service reference is loaded and the server can answer every route without delay, 503 `not-ready` before. Not rate limited.',
  params: noParameters,
  query: noParameters,
  response: {
    description: 'The catalog is loaded.',
    schema: z
      .object({ status: z.literal('ready'), catalog: catalogSourceSchema })
      .meta({ id: 'Readiness' }),
  },
  problems: ['not-ready'],
})
