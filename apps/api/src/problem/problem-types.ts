/** What the reference page says about one problem type. */
export interface ProblemTypeInfo {
  readonly status: number
  /** The same for every occurrence of the type, as RFC 9457 asks. */
  readonly title: string
  /** When the API answers with it, and what to do. */
  readonly meaning: string
}

/**
 * Every problem type the API answers with. A type never changes meaning once published: clients
 * branch on `type`, not on `detail`.
 */
export const problemTypes = {
  'invalid-request': {
    status: 400,
    title: 'The request is not valid',
    meaning:
      'A field of the body, a query parameter or a path parameter is missing, of the wrong type, unknown, a reserved name (`__proto__`, `constructor`, `prototype`) or over a limit. `errors` names each one with `in` (`body`, `query`, `path`) and the JSON pointer of the field.',
  },
  'malformed-json': {
    status: 400,
    title: 'The body is not valid JSON',
    meaning:
      'The body could not be read as JSON (UTF-8). `detail` gives the line and column. A policy that is itself broken JSON is sent as a string, and is then valid input.',
  },
  'malformed-http': {
    status: 400,
    title: 'The request is not valid HTTP',
    meaning:
      'The request line or headers could not be read; the connection is closed after this answer.',
  },
  'json-too-deep': {
    status: 400,
    title: 'The body nests too deeply',
    meaning:
      'Objects and arrays in the body nest deeper than the limit (`JSON_MAX_DEPTH`). It is checked on the raw text, before the body is parsed.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning: 'No route, sample, service or action has that name.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    meaning: 'The route exists but not for this method; the `Allow` header lists the methods.',
  },
  'client-timeout': {
    status: 408,
    title: 'The request did not arrive in time',
    meaning:
      'The request line and headers, or the body, did not arrive within the time limit (`REQUEST_TIMEOUT_MS`): the client sends too slowly. The connection is closed after this answer.',
  },
  'payload-too-large': {
    status: 413,
    title: 'The body is too large',
    meaning: 'The body (after decompression) is over the limit (`BODY_LIMIT_BYTES`).',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    meaning:
      'A body was sent with a content type other than `application/json` (UTF-8), or a content encoding other than gzip, deflate or br.',
  },
  'expectation-failed': {
    status: 417,
    title: 'Expectation failed',
    meaning:
      'The request has an `Expect` header other than `100-continue`, the only expectation the server meets.',
  },
  'invalid-policy-set': {
    status: 422,
    title: 'The policy set cannot be evaluated',
    meaning:
      'A policy of the set is one AWS would reject (not JSON, not a policy, an element its type forbids), or holds a value that cannot be read where reading it as matching nothing could allow more (a Deny whose action has a space around it, say). Evaluation fails closed: no decision is given. `evaluationErrors` has the diagnostics of each policy, with line and column.',
  },
  'invalid-authorization-request': {
    status: 422,
    title: 'The authorization request cannot be evaluated',
    meaning:
      'The request is well-formed JSON but asks nothing AWS could be asked: an action that is not `service:ActionName`, a context value of the wrong kind, a time that cannot be read. `evaluationErrors` says what.',
  },
  'batch-over-budget': {
    status: 422,
    title: 'The batch would take too much work',
    meaning:
      "The requests of the batch together are estimated to take more work than `BATCH_MAX_STEPS` allows (core's estimate of each request, as one request is held to `maxSteps`: its resources against the statements it reads, condition values against the request's values, patterns against the texts they meet). Nothing was decided; `overBudget` has the estimate and the limit. Send fewer requests in each batch.",
  },
  'explanation-too-large': {
    status: 422,
    title: 'The explanation is too large',
    meaning:
      'Explaining every statement for every resource of the call would exceed the limit (`EXPLAIN_MAX_TRACES`). Ask with `"explain": "deciding"`, which still names the deciding statements, or `"none"`, or send fewer requests.',
  },
  'unrecognized-file': {
    status: 422,
    title: 'The file is none of the formats read',
    meaning:
      'The file sent to `POST /v1/sources/validate` is JSON or YAML, or empty, but none of the formats it reads: an IAM policy, a CloudFormation or CDK template, a Terraform plan or state (`terraform show -json`), the output of `aws iam get-account-authorization-details`, `get-policy-version` or `get-role-policy` (`get-user-policy`, `get-group-policy`). `detail` names them. A format is recognised by the content, never by the file name.',
  },
  'unreadable-file': {
    status: 422,
    title: 'The file cannot be read as JSON or YAML',
    meaning:
      'The file sent to `POST /v1/sources/validate` is broken where no policy can be read (YAML whose indentation or brackets do not close, say): `detail` says what, with the line and column. A policy that is itself broken JSON is read, and its findings say what is wrong.',
  },
  'too-many-requests': {
    status: 429,
    title: 'Too many requests',
    meaning:
      'The client sent more requests in the window than the rate limit allows (`RATE_LIMIT_MAX` per `RATE_LIMIT_WINDOW_MS`). `Retry-After` says when to try again.',
  },
  'headers-too-large': {
    status: 431,
    title: 'The request headers are too large',
    meaning: "The request's headers are over Node's limit (16 KiB); the connection is closed.",
  },
  'internal-error': {
    status: 500,
    title: 'Internal error',
    meaning:
      'Something failed in the server. Nothing about it is in the response; the logs have it under the request id (`x-request-id`).',
  },
  'request-timeout': {
    status: 503,
    title: 'The request took too long',
    meaning:
      'The request arrived in time but its work was not done within the time limit (`REQUEST_TIMEOUT_MS`), counted from its first byte: it waited for a worker thread, or its evaluation or validation ran too long and was stopped (a batch stops between two of its requests). Send smaller batches or smaller policy sets.',
  },
  overloaded: {
    status: 503,
    title: 'The server is overloaded',
    meaning:
      'The server is refusing work for a moment rather than queueing it: the evaluations and validations waiting for a worker thread would take over half the time limit (`REQUEST_TIMEOUT_MS`), or `POOL_QUEUE_MAX` of them wait already, or its event loop runs later than `EVENT_LOOP_DELAY_MAX_MS`. Nothing was done; retry after the seconds in `Retry-After`. Probes (`/healthz`, `/readyz`) are never refused so.',
  },
  stalled: {
    status: 503,
    title: 'The server has stalled',
    meaning:
      "From the probes' own listener (`HEALTH_PORT`): the server's event loop has not turned for longer than `HEALTH_STALE_MS`, so it answers nothing else; an orchestrator should restart it.",
  },
  'not-ready': {
    status: 503,
    title: 'Not ready',
    meaning: 'The server is still loading the AWS service reference; try again shortly.',
  },
} as const satisfies Record<string, ProblemTypeInfo>

export type ProblemType = keyof typeof problemTypes

/** The `type` member of a problem: a reference, relative to the API, to its documentation. */
export function problemTypeUri(type: ProblemType): string {
  return `/problems/${type}`
}

export function isProblemType(name: string): name is ProblemType {
  return Object.hasOwn(problemTypes, name)
}
