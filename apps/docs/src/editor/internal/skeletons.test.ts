import { parser } from '@lezer/json'
import { describe, expect, it } from 'vitest'
import { policyPath } from '../policy-path.ts'
import { skeletonsAt } from './skeletons.ts'

/** The skeletons at the `|` of a text, as the completion asks for them. */
const at = (marked: string, isFree: () => boolean = () => true) => {
  const position = marked.indexOf('|')
  const text = marked.slice(0, position) + marked.slice(position + 1)
  const place = policyPath(parser.parse(text), text, position)
  return place === undefined ? [] : skeletonsAt(place, isFree)
}
const labels = (marked: string, free = true) => at(marked, () => free).map(({ label }) => label)

/** A snippet as the JSON it inserts: its fields empty, its tabs as indentation. */
const inserted = (snippet: string) => snippet.replace(/#\{\d+\}/g, '').replaceAll('\t', '  ')

describe('skeletonsAt', () => {
  it('offers a whole policy in an empty document, and its elements in an empty top object', () => {
    expect(labels('|')).toEqual(['policy'])
    expect(labels('  p|')).toEqual(['policy'])
    expect(labels('{|}', true)).toEqual(['Version and Statement'])
    expect(labels('{"Version": "2012-10-17", |}', false)).toEqual([])
    expect(labels('|', false)).toEqual([])
  })

  it('offers statements as the value of Statement and as its elements', () => {
    expect(labels('{"Statement": |}')).toEqual(['Allow statement', 'Deny statement'])
    expect(labels('{"Statement": [|]}')).toEqual(['Allow statement', 'Deny statement'])
    expect(labels('{"Statement": [{"Effect": "Allow"}, |]}')).toEqual([
      'Allow statement',
      'Deny statement',
    ])
  })

  it('asks whether the place is free only where a skeleton could go', () => {
    const asked: string[] = []
    for (const marked of [
      '{"Statement": [{"Action": "|"}]}',
      '{"Statement": [{"Action": |}]}',
      '{"Statement": [|]}',
    ]) {
      at(marked, () => asked.push(marked) > 0)
    }
    expect(asked).toEqual(['{"Statement": [|]}'])
  })

  it('offers none inside a string or deeper in a statement', () => {
    expect(labels('{"Statement": "|"}')).toEqual([])
    expect(labels('{"Statement": [{"Action": |}]}')).toEqual([])
    expect(labels('{"Id": |}')).toEqual([])
  })

  it('inserts JSON that parses to what it offers, its fields in Action then Resource', () => {
    const [policy] = at('|')
    expect(JSON.parse(inserted(policy?.snippet ?? ''))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: [''], Resource: [''] }],
    })
    expect(policy?.snippet.indexOf('#{1}')).toBeLessThan(policy?.snippet.indexOf('#{2}') ?? 0)
    const [, deny] = at('{"Statement": |}')
    expect(JSON.parse(inserted(deny?.snippet ?? ''))).toEqual([
      { Effect: 'Deny', Action: [''], Resource: [''] },
    ])
    const [elements] = at('{|}')
    expect(JSON.parse(`{${inserted(elements?.snippet ?? '')}}`)).toMatchObject({
      Version: '2012-10-17',
    })
  })
})
