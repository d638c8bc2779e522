import { z } from 'zod'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import { catalogSourceSchema } from '../../schemas/catalog.ts'

export const healthOperation = defineOperation({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tag: 'Operations',
  summary: 'Liveness',
  description:
    'Answers as long as the process serves requests, whatever the worker threads are busy with. Not rate limited, never shed; for load balancer and orchestrator probes.',
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
    'Answers 200 once the AWS service reference is loaded, on the main thread and in every worker thread that evaluates and validates, and the server can answer every route without delay, 503 `not-ready` before. Not rate limited, never shed.',
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
