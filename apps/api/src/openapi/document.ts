import { createDocument, type oas31, type ZodOpenApiOperationObject } from 'zod-openapi'
import packageJson from '../../package.json' with { type: 'json' }
import type { Limits } from '../env.ts'
import { requestIdHeader } from '../http/request-id.ts'
import { type ProblemType, problemTypes, problemTypeUri } from '../problem/problem-types.ts'
import { problemMediaType } from '../problem/send-problem.ts'
import { problemSchema } from '../schemas/problem.ts'
import type { AnyOperation } from './operation.ts'

/** One problem type as the document lists it, for the reference page and for clients. */
export interface ProblemTypeEntry {
  readonly type: string
  readonly status: number
  readonly title: string
  readonly meaning: string
}

/** The OpenAPI 3.1 document of the API: what zod-openapi builds, and every problem type. */
export interface OpenApiDocument extends oas31.OpenAPIObject {
  readonly 'x-problem-types': readonly ProblemTypeEntry[]
}

/** Problems any route may answer with, besides those an operation lists. */
const everyRoute: readonly ProblemType[] = [
  'client-timeout',
  'expectation-failed',
  'internal-error',
  'request-timeout',
]
/** Problems of the routes behind the rate limiter and shedding: every route but the probes. */
const limitedRoute: readonly ProblemType[] = ['too-many-requests', 'overloaded']
const notLimited = new Set(['/healthz', '/readyz'])
/** Problems of reading a JSON body (`jsonBody`), for every operation that takes one. */
const bodyRoute: readonly ProblemType[] = [
  'invalid-request',
  'malformed-json',
  'json-too-deep',
  'payload-too-large',
  'unsupported-media-type',
]

export const tags = [
  {
    name: 'Policies',
    description:
      'Validate policies, alone or in the files that hold them, and decide requests against them.',
  },
  {
    name: 'Analysis',
    description:
      'What policy sets allow over every request at once: compare two, check that actions are never granted, summarize the access, each answer shown by requests.',
  },
  {
    name: 'Samples',
    description: 'The Amazon Connect policy examples of the AWS documentation, checked.',
  },
  { name: 'Catalog', description: 'The AWS service reference: services, actions, resources.' },
  { name: 'Operations', description: 'Probes and this reference.' },
]

/** The fields a rate-limited response carries while rate limiting is on. */
const rateLimitHeaders: oas31.HeadersObject = {
  RateLimit: {
    description:
      'while rate limiting is on: what is left of the window, as `"<policy>"; r=<remaining>; t=<seconds to reset>` (draft-ietf-httpapi-ratelimit-headers-08)',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description:
      'while rate limiting is on: the quota, as `"<policy>"; q=<requests>; w=<window seconds>; pk=:<partition key>:`',
    schema: { type: 'string' },
  },
}

/** Headers a problem response carries beyond its body, by status. */
const problemHeaders: Readonly<Record<number, oas31.HeadersObject>> = {
  429: {
    'Retry-After': {
      description: 'seconds until the window ends and requests are counted again',
      schema: { type: 'string', pattern: '^[0-9]+$' },
    },
    ...rateLimitHeaders,
  },
  503: {
    'Retry-After': {
      description:
        'for `overloaded` and `not-ready`: seconds to wait before trying again (not sent with `request-timeout`)',
      schema: { type: 'string', pattern: '^[0-9]+$' },
    },
  },
}

/** One response per status, listing the problem types it stands for. */
function problemResponses(types: readonly ProblemType[]): ZodOpenApiOperationObject['responses'] {
  const byStatus = new Map<number, ProblemType[]>()
  for (const type of types) {
    const { status } = problemTypes[type]
    byStatus.set(status, [...(byStatus.get(status) ?? []), type])
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: list
            .map((type) => `\`${problemTypeUri(type)}\`: ${problemTypes[type].title}`)
            .join('; '),
          ...(problemHeaders[status] === undefined ? {} : { headers: problemHeaders[status] }),
          content: { [problemMediaType]: { schema: problemSchema } },
        },
      ]),
  )
}

function operationObject(operation: AnyOperation): ZodOpenApiOperationObject {
  const { body, response } = operation
  const limited = !notLimited.has(operation.path)
  const problems = [
    ...(body === undefined ? [] : bodyRoute),
    ...operation.problems,
    ...(limited ? limitedRoute : []),
    ...everyRoute,
  ]
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    requestParams: { path: operation.params, query: operation.query },
    ...(body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: body } } } }),
    responses: {
      '200': {
        description: response.description,
        headers: {
          [requestIdHeader]: {
            description: 'the request id: the one sent, when it is a safe token, else a new one',
            schema: { type: 'string' },
          },
          ...(limited ? rateLimitHeaders : {}),
        },
        content: { [response.mediaType ?? 'application/json']: { schema: response.schema } },
      },
      ...problemResponses([...new Set(problems)]),
    },
  }
}

/**
 * Leaves response objects open where `override` cannot reach: zod-openapi calls it for every
 * schema but those written as a `$ref`, such as a described copy of a component
 * (`end: positionSchema.describe(…)`), which zod writes as the `$ref` beside the copy's own
 * `additionalProperties: false`. Beside a `$ref` that keyword would refuse every member.
 */
function openReferences(value: unknown): void {
  if (typeof value !== 'object' || value === null) return
  if ('$ref' in value) delete (value as { additionalProperties?: unknown }).additionalProperties
  for (const member of Object.values(value)) openReferences(member)
}

/**
 * The OpenAPI 3.1 document of the API, built by zod-openapi from the schemas that validate its
 * requests: every schema with a `.meta({ id })` becomes a component. A response object is
 * documented open (`additionalProperties` unset), so that adding a field later breaks no client;
 * request schemas keep what zod says, closed for strict objects.
 */
export function buildOpenApiDocument(
  operations: readonly AnyOperation[],
  limits: Limits,
): OpenApiDocument {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {}
  for (const operation of operations) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationObject(operation),
    }
  }
  // OpenAPI 3.1 has `info.summary`; the library's type of the info object predates it
  const info: oas31.InfoObject & { readonly summary: string } = {
    title: 'connect-policy API',
    version: packageJson.version,
    summary: 'Validate and evaluate AWS IAM policies for Amazon Connect.',
    description: `Validate IAM policies for Amazon Connect and the services around it, decide authorization requests against a policy set with an explanation, and read the documented examples and the AWS service reference. Every error is \`${problemMediaType}\` (RFC 9457). Limits of this server: bodies up to ${limits.bodyBytes} bytes, nesting up to ${limits.jsonDepth} levels, arrays and objects up to ${limits.jsonItems} entries, policies up to ${limits.policyChars} characters, files of policies up to ${limits.sourceChars} characters, ${limits.policies} policies per set, ${limits.batchRequests} requests per batch, ${limits.resources} resources per request, ${limits.explainTraces} explained statement traces per call.`,
    license: { name: 'MIT', identifier: 'MIT' },
  }
  const document = createDocument(
    {
      openapi: '3.1.0',
      info,
      tags,
      paths,
    },
    {
      override: ({ jsonSchema, zodSchema, io }) => {
        const def = zodSchema._zod.def
        if (io === 'output' && def.type === 'object' && def.catchall === undefined) {
          delete jsonSchema.additionalProperties
        }
      },
    },
  )
  openReferences(document)
  return {
    ...document,
    'x-problem-types': Object.entries(problemTypes).map(([type, info]) => ({
      type: problemTypeUri(type as ProblemType),
      status: info.status,
      title: info.title,
      meaning: info.meaning,
    })),
  }
}
