import { createHash } from 'node:crypto'
import type { oas31 } from 'zod-openapi'
import { curlCommand } from './curl-command.ts'
import type { OpenApiDocument, ProblemTypeEntry } from './document.ts'
import { httpMethods } from './operation.ts'

/** A schema of the document, as the page reads it. */
type JsonSchema = Record<string, unknown>

/** The page's only style sheet, inline; its hash is what the page's CSP allows. */
export const referenceStyle = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 2rem 4rem; color: #1f2328; }
h1, h2, h3 { line-height: 1.25; }
h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; margin-top: 2.5rem; }
h3 { margin-top: 2rem; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
code { background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; }
pre { background: #f6f8fa; padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
.method { display: inline-block; min-width: 3.5rem; font-weight: 600; text-transform: uppercase; }
.get { color: #0969da; } .post { color: #1a7f37; }
nav ul { columns: 2; }
a { color: #0969da; }
`

/** The `Content-Security-Policy` of the reference pages: nothing but their inline style. */
export const referencePolicy = `default-src 'none'; style-src 'sha256-${createHash('sha256')
  .update(referenceStyle)
  .digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** The little Markdown the descriptions use: `code` and *emphasis*. */
export function inlineMarkdown(text: string): string {
  return escapeHtml(text)
    .replaceAll(/`([^`]+)`/g, '<code>$1</code>')
    .replaceAll(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:]|$)/g, '$1<em>$2</em>')
}

function anchor(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-|-$/g, '')
}

const componentRef = /&quot;#\/components\/schemas\/([A-Za-z0-9_]+)&quot;/g

/** A schema as indented JSON, with every reference to a component a link to it. */
function schemaBlock(schema: unknown): string {
  const json = escapeHtml(JSON.stringify(schema, null, 2))
  return `<pre>${json.replaceAll(componentRef, (_, id: string) => `&quot;<a href="#schema-${anchor(id)}">#/components/schemas/${id}</a>&quot;`)}</pre>`
}

/** A one-line name for a schema: its component, or its type. */
function schemaName(schema: JsonSchema | undefined): string {
  if (schema === undefined) return ''
  const ref = schema.$ref
  if (typeof ref === 'string') {
    const id = ref.split('/').at(-1) ?? ref
    return `<a href="#schema-${anchor(id)}">${escapeHtml(id)}</a>`
  }
  if (Array.isArray(schema.enum)) {
    return schema.enum.map((value) => `<code>${escapeHtml(String(value))}</code>`).join(' | ')
  }
  const type = typeof schema.type === 'string' ? schema.type : 'value'
  const bounds = ['minimum', 'maximum', 'maxLength', 'pattern', 'default']
    .filter((key) => schema[key] !== undefined)
    .map((key) => `${key} ${escapeHtml(JSON.stringify(schema[key]))}`)
  return `${type}${bounds.length > 0 ? ` (${bounds.join(', ')})` : ''}`
}

interface OperationView {
  readonly path: string
  readonly method: string
  readonly operation: oas31.OperationObject
}

/**
 * The example of a request body's schema: the schema's own `example`, or its component's when the
 * schema is a `$ref` (as every body the API takes is), or the first of its `examples`.
 */
export function bodyExample(document: OpenApiDocument, schema: JsonSchema): unknown {
  const ref = schema.$ref
  const prefix = '#/components/schemas/'
  const target =
    typeof ref === 'string' && ref.startsWith(prefix)
      ? (document.components?.schemas?.[ref.slice(prefix.length)] as JsonSchema | undefined)
      : schema
  if (target === undefined) return undefined
  if (target.example !== undefined) return target.example
  return Array.isArray(target.examples) ? target.examples[0] : undefined
}

/** A request body as the page shows it: its example, a `curl` line that sends it, its schema. */
function bodySection(
  document: OpenApiDocument,
  { path, method }: OperationView,
  schema: JsonSchema,
  baseUrl: string,
): string[] {
  const example = bodyExample(document, schema)
  const parts =
    example === undefined
      ? []
      : [
          '<p>Example body (<code>application/json</code>):</p>',
          `<pre>${escapeHtml(JSON.stringify(example, null, 2))}</pre>`,
          '<p>Sent with <code>curl</code>:</p>',
          `<pre>${escapeHtml(curlCommand(method, `${baseUrl}${path}`, example))}</pre>`,
        ]
  return [...parts, '<p>Body schema:</p>', schemaBlock(schema)]
}

function operationsOf(document: OpenApiDocument): OperationView[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    httpMethods.flatMap((method) => {
      const operation = item[method]
      return operation === undefined ? [] : [{ path, method, operation }]
    }),
  )
}

function operationSection(document: OpenApiDocument, view: OperationView, baseUrl: string): string {
  const { path, method, operation } = view
  const id = anchor(String(operation.operationId))
  // the document writes every parameter in place, none as a reference
  const parameters = (operation.parameters ?? []) as oas31.ParameterObject[]
  const body = (operation.requestBody as { content: Record<string, { schema: JsonSchema }> })
    ?.content?.['application/json']?.schema
  const responses = (operation.responses ?? {}) as Record<
    string,
    { description: string; content?: Record<string, { schema: JsonSchema }> }
  >
  const parts = [
    `<h3 id="${id}"><span class="method ${method}">${method}</span> <code>${escapeHtml(path)}</code></h3>`,
    `<p><strong>${inlineMarkdown(String(operation.summary))}</strong>. ${inlineMarkdown(String(operation.description))}</p>`,
  ]
  if (parameters.length > 0) {
    parts.push(
      '<table><tr><th>parameter</th><th>in</th><th>schema</th><th>description</th></tr>',
      ...parameters.map(
        (parameter) =>
          `<tr><td><code>${escapeHtml(parameter.name)}</code>${parameter.required === true ? ' (required)' : ''}</td><td>${escapeHtml(parameter.in)}</td><td>${schemaName(parameter.schema as JsonSchema)}</td><td>${inlineMarkdown(parameter.description ?? '')}</td></tr>`,
      ),
      '</table>',
    )
  }
  if (body !== undefined) parts.push(...bodySection(document, view, body, baseUrl))
  parts.push(
    '<table><tr><th>status</th><th>media type</th><th>schema</th><th>description</th></tr>',
    ...Object.entries(responses).map(([status, response]) => {
      const [mediaType, content] = Object.entries(response.content ?? {})[0] ?? ['', undefined]
      return `<tr><td>${escapeHtml(status)}</td><td><code>${escapeHtml(mediaType)}</code></td><td>${schemaName(content?.schema)}</td><td>${inlineMarkdown(response.description)}</td></tr>`
    }),
    '</table>',
  )
  return parts.join('\n')
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${referenceStyle}</style>
</head>
<body>
${body}
</body>
</html>
`
}

/**
 * The human reference of the API, generated from its OpenAPI document: every operation with its
 * parameters, body (its example, a `curl` line that sends it to `baseUrl`, its schema) and
 * responses, every problem type, every schema. Self-contained: no script, no request to anywhere.
 */
export function renderReferencePage(document: OpenApiDocument, baseUrl: string): string {
  const info = document.info
  const operations = operationsOf(document)
  const byTag = (document.tags ?? []).map((tag) => ({
    tag,
    operations: operations.filter(({ operation }) =>
      (operation.tags as readonly string[]).includes(tag.name),
    ),
  }))
  const nav = byTag
    .flatMap(({ operations: list }) => list)
    .map(
      ({ path, method, operation }) =>
        `<li><a href="#${anchor(String(operation.operationId))}"><span class="method ${method}">${method}</span> ${escapeHtml(path)}</a></li>`,
    )
    .join('\n')
  const sections = byTag.map(
    ({ tag, operations: list }) =>
      `<h2 id="${anchor('tag', tag.name)}">${escapeHtml(tag.name)}</h2>\n<p>${inlineMarkdown(tag.description ?? '')}</p>\n${list.map((view) => operationSection(document, view, baseUrl)).join('\n')}`,
  )
  const problems = document['x-problem-types']
    .map(
      (problem) =>
        `<tr id="problem-${anchor(problem.type.split('/').at(-1) ?? problem.type)}"><td><code>${escapeHtml(problem.type)}</code></td><td>${problem.status}</td><td>${escapeHtml(problem.title)}</td><td>${inlineMarkdown(problem.meaning)}</td></tr>`,
    )
    .join('\n')
  const schemas = Object.entries(document.components?.schemas ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([id, schema]) =>
        `<h3 id="schema-${anchor(id)}"><code>${escapeHtml(id)}</code></h3>\n${schemaBlock(schema)}`,
    )
    .join('\n')
  return page(
    `${String(info.title)} reference`,
    `<h1>${escapeHtml(String(info.title))} <small>${escapeHtml(String(info.version))}</small></h1>
<p>${inlineMarkdown(String(info.description))}</p>
<p>The machine-readable document: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1).</p>
<nav><ul>
${nav}
<li><a href="#problem-types">Problem types</a></li>
<li><a href="#schemas">Schemas</a></li>
</ul></nav>
${sections.join('\n')}
<h2 id="problem-types">Problem types</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code> and <code>detail</code>; the <code>type</code> is stable.</p>
<table><tr><th>type</th><th>status</th><th>title</th><th>meaning</th></tr>
${problems}
</table>
<h2 id="schemas">Schemas</h2>
${schemas}`,
  )
}

/** The page a problem `type` resolves to. */
export function renderProblemPage(problem: ProblemTypeEntry): string {
  return page(
    problem.title,
    `<h1>${escapeHtml(problem.title)}</h1>
<p><code>${escapeHtml(problem.type)}</code>, HTTP ${problem.status}</p>
<p>${inlineMarkdown(problem.meaning)}</p>
<p><a href="/docs#problem-types">Every problem type</a></p>`,
  )
}
