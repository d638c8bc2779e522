import { awsCatalog } from '@connect-policy/catalog'
import {
  arbAnyValue,
  arbJsonLikeText,
  arbOddText,
  assertReturnsForAnyArguments,
  exportedFunctions,
} from '@connect-policy/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import * as sources from './index.ts'
import { type ReadSource, readSource, validateSource } from './index.ts'
import { printProjection } from './project/print-json.ts'
import { layOutJson } from './testing/json-layout.ts'
import { allTestFiles } from './testing/test-files.ts'
import { managedPolicyYaml, templateYaml } from './testing/yaml-templates.ts'
import { readYaml } from './tree/read-yaml.ts'

const catalog = awsCatalog()
const files = allTestFiles()

/** Every range a read and its validation give: each must lie in the file. */
function rangesOf(read: ReadSource, findings: ReturnType<typeof validateSource>) {
  return [
    ...read.policies.map((policy) => policy.range),
    ...read.problems.map((problem) => problem.range),
    ...[...findings.findings, ...findings.suppressed].flatMap((finding) => [
      finding.range,
      ...(finding.fix === undefined ? [] : [finding.fix.range]),
    ]),
  ]
}

function expectWithinFile(read: ReadSource, findings: ReturnType<typeof validateSource>) {
  for (const range of rangesOf(read, findings)) {
    expect(range.start.offset).toBeGreaterThanOrEqual(0)
    expect(range.start.offset).toBeLessThanOrEqual(range.end.offset)
    expect(range.end.offset).toBeLessThanOrEqual(read.text.length)
  }
}

/** Edits that break files the way people and tools do. */
const insertions = [
  '{',
  '}',
  '[',
  '"',
  "'",
  '!Sub ',
  '!Ref ',
  '!GetAtt ',
  '${',
  '\r',
  '\r\n',
  '\n  ',
  '\ufeff',
  '#',
  ': ',
  '- ',
  '%7B',
  '%',
  '\\',
  '\u2028',
  '😀',
]

const arbEdit = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(...insertions),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

/** A test file with a few edits: inserted braces, quotes, tags, CR, a BOM; deletions; truncation. */
const arbMutatedFile = fc
  .tuple(fc.constantFrom(...files), fc.array(arbEdit, { minLength: 1, maxLength: 4 }))
  .map(([file, edits]) => ({
    name: file.path,
    text: edits.reduce((text, edit) => {
      const at = edit.at % (text.length + 1)
      if (edit.kind === 'insert') return text.slice(0, at) + edit.text + text.slice(at)
      if (edit.kind === 'delete') return text.slice(0, at) + text.slice(at + edit.length)
      return text.slice(0, at)
    }, file.text),
  }))

describe('every function the package exports', () => {
  it.each(exportedFunctions(sources as Record<string, unknown>))(
    '%s returns for any arguments (oracle: it does not throw)',
    (_, fn) => assertReturnsForAnyArguments(fn, arbAnyValue, 200),
  )
})

describe('readSource and validateSource', () => {
  it('return for any file whose name or text is any value (oracle: they do not throw)', () => {
    fc.assert(
      fc.property(
        fc.record({ name: arbAnyValue, text: arbAnyValue }, { requiredKeys: [] }),
        arbAnyValue,
        (file, options) => {
          const read = readSource(file as never, options as never)
          expectWithinFile(read, validateSource(read, { catalog }))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('return for a template whose parameters are any values (oracle: they do not throw)', () => {
    const template = templateYaml(
      managedPolicyYaml(
        'P',
        [
          '- Effect: Allow',
          '  Action: !Ref Action',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's !Sub, not JavaScript
          '  Resource: !Sub "arn:aws:s3:::${Bucket}/${AWS::AccountId}/*"',
        ],
        { version: false },
      ),
    )
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('Action', 'Bucket', 'AWS::AccountId', 'Other'), arbAnyValue),
        (parameters) => {
          const read = readSource({ name: 'template.yaml', text: template }, {
            parameters,
          } as never)
          expectWithinFile(read, validateSource(read, { catalog }))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('return for any text, with every range in the file (oracle: positions within the text)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
          arbJsonLikeText,
          arbOddText,
          fc.jsonValue().map((value) => JSON.stringify(value, null, 2)),
        ),
        fc.constantFrom('', '\ufeff'),
        (text, bom) => {
          const read = readSource({ name: 'input', text: bom + text })
          expect(read.text).toBe(text)
          expectWithinFile(read, validateSource(read, { catalog }))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('return for the test files broken at random, with every range in the file (oracle: positions within the text)', () => {
    fc.assert(
      fc.property(arbMutatedFile, (file) => {
        const read = readSource(file)
        expectWithinFile(read, validateSource(read, { catalog }))
      }),
      { numRuns: 120 },
    )
  })
})

/** Keys that CloudFormation reads as intrinsic functions, which this property leaves out. */
const isIntrinsicKey = (key: string) => key === 'Ref' || key.startsWith('Fn::')

const arbKey = fc.oneof(
  fc.constantFrom('Version', 'Statement', 'Sid', 'Effect', 'Action', 'Resource', 'Condition', ''),
  fc.string({ maxLength: 8 }),
  arbOddText,
)
const arbLeaf = fc.oneof(
  fc.constantFrom('2012-10-17', 'Allow', 'Deny', 'connect:DescribeUser', 's3:*', '*'),
  fc.constantFrom(
    'arn:aws:connect:eu-west-2:111122223333:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/*',
  ),
  fc.string({ maxLength: 12 }),
  arbOddText,
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
)
const { policyLike } = fc.letrec<{ policyLike: Record<string, unknown>; value: unknown }>(
  (tie) => ({
    policyLike: fc
      .dictionary(arbKey, tie('value'), { maxKeys: 5 })
      .filter((object) => !Object.keys(object).some(isIntrinsicKey)),
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      arbLeaf,
      tie('policyLike'),
      fc.array(tie('value'), { maxLength: 4 }),
    ),
  }),
)

/** A statement-shaped object or any object: what a template's `PolicyDocument` may hold. */
const arbPolicyValue = fc.oneof(
  fc.record({
    Version: fc.constant('2012-10-17'),
    Statement: fc.array(
      fc.record(
        {
          Sid: fc.string({ maxLength: 8 }),
          Effect: fc.constantFrom('Allow', 'Deny'),
          Action: fc.oneof(arbLeaf, fc.array(arbLeaf, { maxLength: 3 })),
          Resource: fc.oneof(arbLeaf, fc.array(arbLeaf, { maxLength: 3 })),
          Condition: policyLike,
        },
        { requiredKeys: ['Effect'] },
      ),
      { maxLength: 3 },
    ),
  }),
  policyLike,
)

/**
 * A CloudFormation template holding the value as an `AWS::IAM::ManagedPolicy`'s document,
 * written by `JSON.stringify(template, null, indent)`, with where each string of the value is.
 */
function templateHolding(value: unknown, indent: number | string, crlf: boolean) {
  const marker = '@@policy@@'
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: marker } } },
  }
  const outer = JSON.stringify(template, null, indent)
  const at = outer.indexOf(`"${marker}"`)
  const lineStart = outer.lastIndexOf('\n', at) + 1
  const line = outer.slice(lineStart, at)
  const laid = layOutJson(value, indent, line.slice(0, line.length - line.trimStart().length))
  let text = outer.slice(0, at) + laid.text + outer.slice(at + marker.length + 2)
  // oracle: JSON.stringify writes the same text
  expect(text).toBe(
    JSON.stringify(
      {
        ...template,
        Resources: { P: { ...template.Resources.P, Properties: { PolicyDocument: value } } },
      },
      null,
      indent,
    ),
  )
  let strings = laid.strings.map((entry) => ({
    ...entry,
    start: entry.start + at,
    end: entry.end + at,
  }))
  if (crlf) {
    // every `\n` of the layout becomes `\r\n` (strings hold none: JSON escapes them)
    const shift = (offset: number) => offset + (text.slice(0, offset).split('\n').length - 1)
    strings = strings.map((entry) => ({
      ...entry,
      start: shift(entry.start),
      end: shift(entry.end),
    }))
    text = text.replaceAll('\n', '\r\n')
  }
  return { text, strings }
}

describe('a policy written as JSON in a template, and its projection', () => {
  it('parses to the value written, and maps each string back onto its text in the template (oracles: JSON.parse, JSON.stringify)', () => {
    fc.assert(
      fc.property(
        arbPolicyValue,
        fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom('\t', ' \t')),
        fc.boolean(),
        (value, indent, crlf) => {
          const { text, strings } = templateHolding(value, indent, crlf)
          const read = readSource({ name: 'template.json', text })
          expect(read.format).toBe('cloudformation')
          expect(read.policies).toHaveLength(1)
          const projection = read.policies[0]?.projection
          if (projection === undefined) throw new Error('the policy has no projection')
          expect(JSON.parse(projection.text)).toEqual(JSON.parse(JSON.stringify(value)))
          // the projection is written as JSON.stringify writes, two spaces deep
          const printed = layOutJson(value, 2)
          expect(projection.text).toBe(printed.text)
          printed.strings.forEach((inProjection, index) => {
            const inTemplate = strings[index]
            if (inTemplate === undefined)
              throw new Error(`no string ${inProjection.path} in the template`)
            expect(inTemplate.path).toBe(inProjection.path)
            const back = projection.toSource(inProjection.start, inProjection.end)
            const escaped =
              JSON.stringify(inProjection.value).length !== inProjection.value.length + 2
            if (inProjection.value !== '' && !escaped) {
              // copied one for one: exactly the string's characters in the template
              expect(back).toEqual({ start: inTemplate.start, end: inTemplate.end, exact: true })
              expect(text.slice(back.start, back.end)).toBe(inProjection.value)
            } else {
              // written with escapes, or empty: within the string as written, quotes included
              expect(back.start).toBeGreaterThanOrEqual(inTemplate.start - 1)
              expect(back.end).toBeLessThanOrEqual(inTemplate.end + 1)
            }
          })
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('a policy written as YAML in a template', () => {
  it('projects to the value written (oracle: the yaml package’s own writer, and JSON.parse)', () => {
    fc.assert(
      fc.property(arbPolicyValue, fc.boolean(), (value, crlf) => {
        const written = stringify({
          AWSTemplateFormatVersion: '2010-09-09',
          Resources: {
            P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: value } },
          },
        })
        const text = crlf ? written.replaceAll('\n', '\r\n') : written
        const read = readSource({ name: 'template.yaml', text })
        expect(read.format).toBe('cloudformation')
        expect(JSON.parse(read.policies[0]?.projection?.text ?? '')).toEqual(
          JSON.parse(JSON.stringify(value)),
        )
      }),
      { numRuns: 200 },
    )
  })
})

describe('fingerprint', () => {
  it('is 16 hexadecimal digits, the same for the same text (oracle: determinism)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), arbOddText), (text) => {
        const first = sources.fingerprint(text)
        expect(first).toMatch(/^[0-9a-f]{16}$/)
        expect(sources.fingerprint(text)).toBe(first)
        expect(sources.fingerprint(`${text}`.slice(0))).toBe(first)
      }),
      { numRuns: 500 },
    )
  })

  it('is 64-bit FNV-1a over the UTF-16 code units, as documented (oracle: FNV-1a with BigInt)', () => {
    const fnv1a = (text: string) => {
      let hash = 0xcbf29ce484222325n
      for (let index = 0; index < text.length; index++) {
        hash ^= BigInt(text.charCodeAt(index))
        hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
      }
      return hash.toString(16).padStart(16, '0')
    }
    // the published test vectors of FNV-1a 64
    expect(fnv1a('')).toBe('cbf29ce484222325')
    expect(fnv1a('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a('foobar')).toBe('85944171f73967e8')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(sources.fingerprint(text)).toBe(fnv1a(text))
      }),
      { numRuns: 300 },
    )
  })
})

describe('printProjection', () => {
  it('maps every stretch of its text into the file, for any YAML or JSON text (oracle: offsets within the file)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          arbMutatedFile.map((file) => file.text),
          arbJsonLikeText,
          fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
          fc.string({ maxLength: 80 }),
        ),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const root = readYaml(text).value
          if (root === undefined) return
          const projection = printProjection(root, text)
          const length = projection.text.length
          for (const [start, end] of [
            [a % (length + 1), b % (length + 1)],
            [Math.min(a, b) % (length + 2), Math.max(a, b)],
            [0, length],
            [length, length],
            [-a, b],
          ] as const) {
            const stretch = projection.toSource(start, end)
            expect(stretch.start).toBeGreaterThanOrEqual(0)
            expect(stretch.start).toBeLessThanOrEqual(stretch.end)
            expect(stretch.end).toBeLessThanOrEqual(text.length)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
