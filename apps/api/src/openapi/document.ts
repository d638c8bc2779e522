import { z } from 'zod'
import packageJson from '../../package.json' with { type: 'json' }
import type { Limits } from '../env.ts'
import { type ProblemType, problemTypes, problemTypeUri } from '../problem/problem-types.ts'
import { problemMediaType } from '../problem/send-problem.ts'
import { problemSchema } from '../schemas/problem.ts'
import type { AnyOperation } from './operation.ts'

export type JsonSchema = Record<string, unknown>

/** An OpenAPI 3.1 document, as far as the API builds one. */
export interface OpenApiDocument {
  readonly openapi: string
  readonly info: Record<string, unknown>
  readonly tags: readonly { readonly name: string; readonly description: string }[]
  readonly paths: Record<string, Record<string, Record<string, unknown>>>
  readonly components: { readonly schemas: Record<string, JsonSchema> }
  /** Every problem type, for the reference page and for clients that want the list. */
  readonly 'x-problem-types': readonly {
    readonly type: string
    readonly status: number
    readonly title: string
    readonly meaning: string
  }[]
}

/** Problems any route may answer with, besides those an operation lists. */
const everyRoute: readonly ProblemType[] = ['internal-error', 'request-timeout']
/** Problems of the routes behind the rate limiter. */
const limitedRoute: readonly ProblemType[] = ['too-many-requests']
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
  { name: 'Policies', description: 'Validate policies and decide requests against them.' },
  {
    name: 'Samples',
    description: 'The Amazon Connect policy examples of the AWS documentation, checked.',
  },
  { name: 'Catalog', description: 'The AWS service reference: services, actions, resources.' },
  { name: 'Operations', description: 'Probes and this reference.' },
] as const

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (typeof value !== 'object' || value === null) return value
  const result: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value)) {
    result[key] =
      key === '$ref' && typeof member === 'string'
        ? member.replace('#/$defs/', '#/components/schemas/')
        : rewriteRefs(member)
  }
  return result
}

/**
 * Converts schemas one at a time, lifting every schema with an `id` into `components.schemas`
 * and pointing references there. A response object schema is documented open
 * (`additionalProperties` unset), so that adding a field later breaks no client; request
 * schemas keep what zod says, closed for strict objects.
 */
interface SchemaConverter {
  readonly components: Record<string, JsonSchema>
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema
}

function schemaConverter(): SchemaConverter {
  const components: Record<string, JsonSchema> = {}
  return {
    components,
    convert(schema, io) {
      const converted = z.toJSONSchema(schema, {
        io,
        target: 'draft-2020-12',
        override: ({ zodSchema, jsonSchema }) => {
          const def = zodSchema._zod.def
          if (io === 'output' && def.type === 'object' && def.catchall === undefined) {
            delete jsonSchema.additionalProperties
          }
        },
      }) as JsonSchema
      const { $schema: _dialect, $defs, ...root } = converted
      for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, unknown>)) {
        const rewritten = rewriteRefs(definition) as JsonSchema
        const existing = components[id]
        if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(rewritten)) {
          throw new Error(`schema \`${id}\` is defined twice, differently`)
        }
        components[id] = rewritten
      }
      return rewriteRefs(root) as JsonSchema
    },
  }
}

function parameters(
  converter: SchemaConverter,
  schema: z.ZodType,
  where: 'path' | 'query',
): Record<string, unknown>[] {
  const object = converter.convert(schema, 'input')
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((object.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    }
  })
}

/** The fields a rate-limited response carries while rate limiting is on. */
const rateLimitHeaders = {
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
const problemHeaders: Readonly<Record<number, Record<string, unknown>>> = {
  429: {
    'Retry-After': {
      description: 'seconds until the window ends and requests are counted again',
      schema: { type: 'string', pattern: '^[0-9]+$' },
    },
    ...rateLimitHeaders,
  },
}

function problemResponses(types: readonly ProblemType[]): Record<string, unknown> {
  const byStatus = new Map<number, ProblemType[]>()
  for (const type of types) {
    const { status } = problemTypes[type]
    byStatus.set(status, [...(byStatus.get(status) ?? []), type])
  }
  const responses: Record<string, unknown> = {}
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: list
        .map((type) => `\`${problemTypeUri(type)}\`: ${problemTypes[type].title}`)
        .join('; '),
      ...(problemHeaders[status] === undefined ? {} : { headers: problemHeaders[status] }),
      content: { [problemMediaType]: { schema: { $ref: '#/components/schemas/Problem' } } },
    }
  }
  return responses
}

function operationObject(converter: SchemaConverter, operation: AnyOperation) {
  const { response } = operation
  const mediaType = response.mediaType ?? 'application/json'
  const limited = !notLimited.has(operation.path)
  const problems = [
    ...(operation.body === undefined ? [] : bodyRoute),
    ...operation.problems,
    ...(limited ? limitedRoute : []),
    ...everyRoute,
  ]
  const parameterList = [
    ...parameters(converter, operation.params, 'path'),
    ...parameters(converter, operation.query, 'query'),
  ]
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    ...(parameterList.length === 0 ? {} : { parameters: parameterList }),
    ...(operation.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: converter.convert(operation.body, 'input') } },
          },
        }),
    responses: {
      '200': {
        description: response.description,
        headers: {
          'x-request-id': {
            description: 'the request id: the one sent, when it is a safe token, else a new one',
            schema: { type: 'string' },
          },
          ...(limited ? rateLimitHeaders : {}),
        },
        content: { [mediaType]: { schema: converter.convert(response.schema, 'output') } },
      },
      ...problemResponses([...new Set(problems)]),
    },
  }
}

/** The OpenAPI 3.1 document of the API, built from the schemas that validate its requests. */
export function buildOpenApiDocument(
  operations: readonly AnyOperation[],
  limits: Limits,
): OpenApiDocument {
  const converter = schemaConverter()
  converter.convert(problemSchema, 'output')
  const paths: OpenApiDocument['paths'] = {}
  for (const operation of operations) {
    const item = paths[operation.path] ?? {}
    item[operation.method] = operationObject(converter, operation)
    paths[operation.path] = item
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'connect-policy API',
      version: packageJson.version,
      summary: 'Validate and evaluate AWS IAM policies for Amazon Connect.',
      description: `Validate IAM policies for Amazon Connect and the services around it, decide authorization requests against a policy set with an explanation, and read the documented examples and the AWS service reference. Every error is \`${problemMediaType}\` (RFC 9457). Limits of this server: bodies up to ${limits.bodyBytes} bytes, nesting up to ${limits.jsonDepth} levels, arrays and objects up to ${limits.jsonItems} entries, policies up to ${limits.policyChars} characters, ${limits.policies} policies per set, ${limits.batchRequests} requests per batch, ${limits.resources} resources per request, ${limits.explainTraces} explained statement traces per call.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags,
    paths,
    components: { schemas: converter.components },
    'x-problem-types': Object.entries(problemTypes).map(([type, info]) => ({
      type: problemTypeUri(type as ProblemType),
      status: info.status,
      title: info.title,
      meaning: info.meaning,
    })),
  }
}
