import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../env.ts'
import { curlCommand } from './curl-command.ts'
import { apiOperations, openApiDocument } from './operations.ts'
import { bodyExample, escapeHtml, inlineMarkdown, renderReferencePage } from './reference-page.ts'
import { shellQuote } from './shell-quote.ts'

/** What a POSIX shell makes of `words`: each word it reads, as `printf` writes it back. */
function shellWords(words: string): string[] {
  const output = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${words}`], { encoding: 'utf8' })
  return output.split('\0').slice(0, -1)
}

/** The text of a page's HTML, as a browser shows it (and a reader copies it). */
function unescapeHtml(html: string): string {
  return html
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
}

const limits = defaultConfig().limits
const document = openApiDocument(limits)
const withBody = apiOperations(limits).filter((operation) => operation.body !== undefined)

describe('the reference page', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
  ])('escapes %s', (text, html) => {
    expect(escapeHtml(text)).toBe(html)
  })

  it.each([
    ['send `application/json`', 'send <code>application/json</code>'],
    ['the page *Amazon Connect examples*.', 'the page <em>Amazon Connect examples</em>.'],
    ['`connect:*` and `*:Get*`', '<code>connect:*</code> and <code>*:Get*</code>'],
    ['`<b>` stays text', '<code>&lt;b&gt;</code> stays text'],
    ['a * b * c', 'a * b * c'],
  ])('renders %s', (text, html) => {
    expect(inlineMarkdown(text)).toBe(html)
  })
})

describe('shellQuote', () => {
  it.each([
    ['plain', 'plain'],
    ['http://127.0.0.1:3000/v1/validate', 'http://127.0.0.1:3000/v1/validate'],
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ["''", "''\\'''\\'''"],
  ])('quotes %j as %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted)
  })

  it.each([
    ["it's"],
    ["'"],
    ["a 'quoted' word, and one at the end'"],
    ['{"policy": "{\\"Sid\\": \\"O\'Brien\\"}"}'],
    ['$HOME `id` $(id) \\ " ! * ? ; & | < > # ~'],
    ['two\nlines\tand a tab'],
    [''],
  ])('gives a word the shell reads back as it is: %j', (word) => {
    expect(shellWords(shellQuote(word))).toEqual([word])
  })
})

describe('curlCommand', () => {
  it('sends the body as compact JSON, quoted for the shell', () => {
    expect(
      curlCommand('post', 'http://127.0.0.1:3000/v1/validate', { policy: "O'Brien's policy" }),
    ).toBe(
      `curl -sS -X POST http://127.0.0.1:3000/v1/validate -H 'content-type: application/json' -d '{"policy":"O'\\''Brien'\\''s policy"}'`,
    )
  })

  it('is read by the shell as the words curl needs, the body intact', () => {
    const body = { policy: '{"Statement": [{"Sid": "it\'s $HOME"}]}', suppress: ["a'b"] }
    const line = curlCommand('post', 'http://[::1]:3000/v1/validate', body)
    const words = shellWords(line.slice('curl '.length))
    expect(words).toEqual([
      '-sS',
      '-X',
      'POST',
      'http://[::1]:3000/v1/validate',
      '-H',
      'content-type: application/json',
      '-d',
      JSON.stringify(body),
    ])
  })
})

describe('the request bodies of the reference page', () => {
  const baseUrl = 'http://127.0.0.1:3100'
  const page = renderReferencePage(document, baseUrl)

  it('has an example for every operation that takes a body, which the operation accepts', () => {
    expect(withBody.map((operation) => operation.path)).toContain('/v1/validate')
    for (const operation of withBody) {
      const schema = document.paths?.[operation.path]?.post?.requestBody as {
        content: Record<string, { schema: Record<string, unknown> }>
      }
      const example = bodyExample(document, schema.content['application/json']?.schema ?? {})
      expect(example, operation.operationId).toBeDefined()
      expect(operation.body?.safeParse(example).success, operation.operationId).toBe(true)
    }
  })

  it('shows each example as formatted JSON and a curl line to this server, the schema below', () => {
    for (const operation of withBody) {
      const id = operation.operationId.toLowerCase()
      const section = page.slice(
        page.indexOf(`id="${id}"`),
        page.indexOf('<h3', page.indexOf(`id="${id}"`) + 1),
      )
      const pres = section
        .split('<pre>')
        .slice(1)
        .map((part) => unescapeHtml(part.slice(0, part.indexOf('</pre>'))))
      const [json, curl, schema] = pres
      const example = JSON.parse(json ?? '')
      expect(json).toBe(JSON.stringify(example, null, 2))
      expect(curl).toBe(curlCommand('post', `${baseUrl}${operation.path}`, example))
      // the curl line, read by a shell, sends the example
      expect(shellWords(curl?.slice('curl '.length) ?? '').at(-1)).toBe(JSON.stringify(example))
      expect(schema).toContain('#/components/schemas/')
      expect(section.indexOf('Example body')).toBeLessThan(section.indexOf('Body schema'))
    }
  })

  it('shows no body section for an operation without one', () => {
    const section = page.slice(
      page.indexOf('id="listsamples"'),
      page.indexOf('<h3', page.indexOf('id="listsamples"') + 1),
    )
    expect(section).not.toContain('curl')
    expect(section).not.toContain('Body schema')
  })
})
