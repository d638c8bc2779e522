// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables, not templates
import { parser } from '@lezer/json'
import { describe, expect, it } from 'vitest'
import {
  agentPolicy,
  marked,
  oneLinePolicy,
  resourcePolicy,
  testPolicies,
} from './policies.test-data.ts'
import { type PathStep, type PolicyPath, type PolicyPathKind, policyPath } from './policy-path.ts'

const at = (text: string) => {
  const { text: plain, tree, position } = marked(text)
  return policyPath(tree, plain, position)
}

describe('policyPath in complete documents', () => {
  it('gives the path of a value in a list of statements and a list of actions', () => {
    expect(at(agentPolicy.replace('"connect:Describe*"', '"conn|ect:Describe*"'))).toMatchObject({
      path: ['Statement', 0, 'Action', 1],
      kind: 'value',
      typed: 'conn',
      quoted: true,
      closed: true,
    })
  })

  it('gives the object a property name belongs to, and the range of the name', () => {
    const text = agentPolicy.replace('"Effect": "Deny"', '"Eff|ect": "Deny"')
    const found = at(text)
    expect(found).toMatchObject({ path: ['Statement', 1], kind: 'property-name', typed: 'Eff' })
    const plain = text.replace('|', '')
    expect(plain.slice(found?.from, found?.to)).toBe('Effect')
  })

  it('reads a statement given as an object', () => {
    expect(at(resourcePolicy.replace('"sts:AssumeRole"', '"sts:|AssumeRole"'))).toMatchObject({
      path: ['Statement', 'Action'],
      kind: 'value',
    })
    expect(at(resourcePolicy.replace('"Service"', '"Serv|ice"'))).toMatchObject({
      path: ['Statement', 'Principal'],
      kind: 'property-name',
    })
  })

  it('follows conditions to their operators, keys and values', () => {
    expect(
      at(agentPolicy.replace('"ForAnyValue:StringLike"', '"ForAny|Value:StringLike"')),
    ).toMatchObject({
      path: ['Statement', 0, 'Condition'],
      kind: 'property-name',
    })
    expect(at(agentPolicy.replace('"aws:TagKeys"', '"aws:Tag|Keys"'))).toMatchObject({
      path: ['Statement', 0, 'Condition', 'ForAnyValue:StringLike'],
      kind: 'property-name',
    })
    expect(at(agentPolicy.replace('["a", "b"]', '["a", "|b"]'))).toMatchObject({
      path: ['Statement', 0, 'Condition', 'StringEquals', 'aws:PrincipalTag/Team', 1],
      kind: 'value',
    })
  })

  it('reads the escapes of a string: a quote after a backslash does not close it', () => {
    const found = at('{"Sid": "a\\"b|c\\\\", "Effect": "Allow"}')
    expect(found).toMatchObject({ path: ['Sid'], kind: 'value', typed: 'a\\"b', closed: true })
    expect(found?.to).toBe(16)
  })

  it('decodes escaped keys of the path', () => {
    expect(at('{"Statem\\u0065nt": {"Action": "|"}}')?.path).toEqual(['Statement', 'Action'])
  })

  it('is inside a string from after its opening quote to before its closing one', () => {
    const text = '{"Effect": "Allow"}'
    const tree = parser.parse(text)
    const open = text.indexOf('"Allow"')
    expect(policyPath(tree, text, open)).toBeUndefined()
    expect(policyPath(tree, text, open + 1)).toMatchObject({
      quoted: true,
      from: open + 1,
      to: open + 6,
    })
    expect(policyPath(tree, text, open + 6)).toMatchObject({ quoted: true, typed: 'Allow' })
    expect(policyPath(tree, text, open + 7)).toBeUndefined()
  })

  it('is nothing right after a complete value or between a name and its colon', () => {
    expect(at('{"Effect": "Allow" |}')).toBeUndefined()
    expect(at('{"Effect" |: "Allow"}')).toBeUndefined()
    expect(at('{"Statement": [{"Effect": "Allow"}|]}')).toBeUndefined()
    expect(at('{"Version": "2012-10-17"}|')).toBeUndefined()
  })

  it('is nothing outside the document', () => {
    const text = '{"Effect": "Allow"}'
    const tree = parser.parse(text)
    for (const position of [-1, text.length + 1, 2.5, Number.NaN]) {
      expect(policyPath(tree, text, position)).toBeUndefined()
    }
  })
})

describe('policyPath in documents being typed', () => {
  it('reads an unclosed string at the end of the document', () => {
    const found = at('{"Statement": {"Action": "conn|')
    expect(found).toEqual({
      path: ['Statement', 'Action'],
      kind: 'value',
      from: 26,
      to: 30,
      typed: 'conn',
      quoted: true,
      closed: false,
    })
  })

  it('ends an unclosed string at its line, as JSON strings hold no line break', () => {
    const found = at('{"Statement": {\r\n  "Action": "conn|ect  \r\n  "Resource": "*"}}')
    expect(found).toMatchObject({ path: ['Statement', 'Action'], typed: 'conn', closed: false })
    expect(found && found.to - found.from).toBe('connect'.length)
    expect(at('{"Statement": {\n  "Action": "conn\n  "Res|ource": "*"}}')).toMatchObject({
      path: ['Statement'],
      kind: 'property-name',
      typed: 'Res',
    })
  })

  it('reads a name being typed, with or without its quotes', () => {
    expect(at('{"Statement": [{"Eff|')).toMatchObject({
      path: ['Statement', 0],
      kind: 'property-name',
      quoted: true,
      closed: false,
    })
    expect(at('{"Statement": [{ "Effect": "Allow", Ac|')).toMatchObject({
      path: ['Statement', 0],
      kind: 'property-name',
      from: 36,
      to: 38,
      typed: 'Ac',
      quoted: false,
    })
  })

  it('reads a value typed without quotes, or a name without its colon yet', () => {
    expect(at('{"Statement": {"Effect": Al|}}')).toMatchObject({
      path: ['Statement', 'Effect'],
      kind: 'value',
      typed: 'Al',
      quoted: false,
    })
    expect(at('{"Statement": {"Action": connect:Desc|}}')).toMatchObject({
      path: ['Statement', 'Action'],
      from: 25,
      to: 37,
      typed: 'connect:Desc',
    })
    // a colon after a name typed without quotes is not part of the name
    expect(at('{"Statement": {Eff|ect: "Allow"')).toMatchObject({
      path: ['Statement'],
      kind: 'property-name',
      from: 15,
      to: 21,
    })
    expect(at('{"Statement": {"Effect" Al|')).toMatchObject({
      path: ['Statement', 'Effect'],
      kind: 'value',
    })
  })

  it('reads what follows a missing comma as the next name or element', () => {
    expect(at('{"Statement": [{"Effect": "Allow" "Act|')).toMatchObject({
      path: ['Statement', 0],
      kind: 'property-name',
    })
    expect(at('{"Statement": {"Action": ["connect:A" "conn|"]}}')).toMatchObject({
      path: ['Statement', 'Action', 1],
      kind: 'value',
    })
    expect(at('{"Statement": [{"Action": "x"}, {"Effect": "Allow"} {"Eff|')).toMatchObject({
      path: ['Statement', 2],
      kind: 'property-name',
    })
  })

  it.each<[string, readonly PathStep[], PolicyPathKind]>([
    ['|', [], 'value'],
    ['{|', [], 'property-name'],
    ['{"Statement": |', ['Statement'], 'value'],
    ['{"Statement": [|', ['Statement', 0], 'value'],
    ['{"Statement": [{|', ['Statement', 0], 'property-name'],
    ['{"Statement": [{}, |', ['Statement', 1], 'value'],
    ['{"Statement": [{}, {"Effect": "Allow", |', ['Statement', 1], 'property-name'],
    ['{"Statement": {"Action": [|', ['Statement', 'Action', 0], 'value'],
    ['{"Statement": {"Action": ["a", "b", |', ['Statement', 'Action', 2], 'value'],
    ['{"Statement": {"Resource": |}}', ['Statement', 'Resource'], 'value'],
    [
      '{"Statement": {"Condition": {"StringEquals": {|',
      ['Statement', 'Condition', 'StringEquals'],
      'property-name',
    ],
  ])('at the end of %j: %j, a %s', (text, path, kind) => {
    expect(at(text)).toMatchObject({ path, kind, typed: '', quoted: false })
  })

  it('reads a document through a slice function as through its text', () => {
    for (const text of [agentPolicy, oneLinePolicy, agentPolicy.slice(0, 400)]) {
      const tree = parser.parse(text)
      const slice = (from: number, to: number) => text.slice(from, to)
      for (let position = 0; position <= text.length; position++) {
        expect(policyPath(tree, slice, position)).toEqual(policyPath(tree, text, position))
      }
    }
  })
})

interface OracleString {
  readonly from: number
  readonly to: number
  readonly path: readonly PathStep[]
  readonly kind: PolicyPathKind
}

/**
 * A naive oracle: the strings of a JSON document (trailing commas allowed, as the examples have
 * them) with their paths, read by plain recursive descent; undefined for any other text.
 */
function oracleStrings(text: string): OracleString[] | undefined {
  const found: OracleString[] = []
  let index = 0
  const fail = () => {
    throw new Error(`not JSON at ${index}`)
  }
  const skipSpace = () => {
    while (index < text.length && ' \n\r\t'.includes(text.charAt(index))) index++
  }
  const readString = (path: readonly PathStep[], kind: PolicyPathKind): string => {
    if (text.charAt(index) !== '"') fail()
    const start = index
    index++
    while (text.charAt(index) !== '"') {
      if (index >= text.length || text.charAt(index) === '\n') fail()
      if (text.charAt(index) === '\\') index++
      index++
    }
    found.push({ from: start + 1, to: index, path, kind })
    index++
    return JSON.parse(text.slice(start, index)) as string
  }
  const readValue = (path: readonly PathStep[]): void => {
    skipSpace()
    const char = text.charAt(index)
    if (char === '{') {
      index++
      skipSpace()
      while (text.charAt(index) !== '}') {
        const key = readString(path, 'property-name')
        skipSpace()
        if (text.charAt(index) !== ':') fail()
        index++
        readValue([...path, key])
        skipSpace()
        if (text.charAt(index) === ',') index++
        else if (text.charAt(index) !== '}') fail()
        skipSpace()
      }
      index++
    } else if (char === '[') {
      index++
      skipSpace()
      for (let element = 0; text.charAt(index) !== ']'; element++) {
        readValue([...path, element])
        skipSpace()
        if (text.charAt(index) === ',') index++
        else if (text.charAt(index) !== ']') fail()
        skipSpace()
      }
      index++
    } else if (char === '"') {
      readString(path, 'value')
    } else {
      const start = index
      while (index < text.length && !',}] \n\r\t'.includes(text.charAt(index))) index++
      JSON.parse(text.slice(start, index))
    }
  }
  try {
    readValue([])
    skipSpace()
    return index === text.length ? found : undefined
  } catch {
    return undefined
  }
}

/** What `policyPath` gives inside a string the oracle found, with the position given. */
const expectedInside = (
  text: string,
  string: OracleString,
  position: number,
  closed: boolean,
): PolicyPath => ({
  path: string.path,
  kind: string.kind,
  from: string.from,
  to: closed
    ? string.to
    : Math.max(position, string.from + text.slice(string.from).trimEnd().length),
  typed: text.slice(string.from, position),
  quoted: true,
  closed,
})

/** The laws every answer keeps: a range around the position, and the text typed in it. */
function expectWellFormed(found: PolicyPath | undefined, text: string, position: number) {
  if (found === undefined) return
  expect(found.from).toBeLessThanOrEqual(position)
  expect(found.to).toBeGreaterThanOrEqual(position)
  expect(found.to).toBeLessThanOrEqual(text.length)
  expect(found.typed).toBe(text.slice(found.from, position))
}

describe('policyPath against a naive oracle, at every position of the test policies', () => {
  const readable = testPolicies.filter((text) => oracleStrings(text) !== undefined)

  it('reads most test policies with the oracle', () => {
    expect(readable.length).toBeGreaterThan(testPolicies.length / 2)
  })

  it('gives every string of a complete document its path, at each position inside it', () => {
    for (const text of readable) {
      const tree = parser.parse(text)
      for (const string of oracleStrings(text) ?? []) {
        for (let position = string.from; position <= string.to; position++) {
          expect(policyPath(tree, text, position)).toEqual(
            expectedInside(text, string, position, true),
          )
        }
      }
    }
  })

  it('gives a document cut short inside a string the path the string has in the whole', () => {
    for (const text of readable) {
      for (const string of oracleStrings(text) ?? []) {
        for (let position = string.from; position <= string.to; position++) {
          const prefix = text.slice(0, position)
          const found = policyPath(parser.parse(prefix), prefix, position)
          expect(found).toEqual({
            ...expectedInside(prefix, string, position, false),
            to: position,
          })
        }
      }
    }
  })
})

describe('policyPath never throws, and keeps its laws, on broken documents', () => {
  it('at every position of every test policy', () => {
    for (const text of testPolicies) {
      const tree = parser.parse(text)
      for (let position = 0; position <= text.length + 1; position++) {
        expectWellFormed(policyPath(tree, text, position), text, position)
      }
    }
  })

  it('at the end of every prefix of every test policy', () => {
    for (const text of testPolicies) {
      for (let length = 0; length <= text.length; length++) {
        const prefix = text.slice(0, length)
        expectWellFormed(policyPath(parser.parse(prefix), prefix, length), prefix, length)
      }
    }
  })

  it('where a character was deleted or doubled, in the handwritten policies', () => {
    for (const text of [agentPolicy, resourcePolicy, oneLinePolicy]) {
      for (let index = 0; index < text.length; index++) {
        for (const edited of [
          text.slice(0, index) + text.slice(index + 1),
          text.slice(0, index + 1) + text.slice(index),
        ]) {
          const tree = parser.parse(edited)
          for (const position of [index - 1, index, index + 1]) {
            expectWellFormed(policyPath(tree, edited, position), edited, position)
          }
        }
      }
    }
  })
})
