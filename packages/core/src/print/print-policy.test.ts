import { describe, expect, it } from 'vitest'
import { type Located, noRange, type PolicyDocument, type Statement } from '../model/index.ts'
import { parsePolicy } from '../parse/index.ts'
import { printPolicy } from './print-policy.ts'

const at = <T>(value: T): Located<T> => ({ value, range: noRange })
const list = <Name extends string>(element: Name, ...values: string[]) => ({
  element,
  values: values.map(at),
  range: noRange,
})
const statement = (fields: Omit<Statement, 'unknownElements' | 'range'> & Partial<Statement>) => ({
  unknownElements: [],
  range: noRange,
  ...fields,
})
const policyOf = (statements: Statement[], fields: Partial<PolicyDocument> = {}) => ({
  version: at('2012-10-17'),
  statements,
  unknownElements: [],
  range: noRange,
  ...fields,
})

describe('printPolicy', () => {
  it('writes the canonical form: grammar order, one value plain, several as a list', () => {
    const policy = policyOf(
      [
        statement({
          sid: at('AllowAgents'),
          effect: at('Allow'),
          principal: {
            element: 'Principal',
            anyone: false,
            entries: [
              { type: at('AWS'), values: [at('123456789012')] },
              { type: at('Service'), values: [at('a.amazonaws.com'), at('b.amazonaws.com')] },
            ],
            range: noRange,
          },
          action: list('Action', 'connect:DescribeUser'),
          resource: list(
            'NotResource',
            'arn:aws:connect:*:*:instance/a',
            'arn:aws:connect:*:*:instance/b',
          ),
          condition: {
            clauses: [
              {
                operator: at('Bool'),
                key: at('aws:SecureTransport'),
                values: [at(true)],
                range: noRange,
              },
              {
                operator: at('NumericLessThan'),
                key: at('n'),
                values: [at(1), at(2.5)],
                range: noRange,
              },
              {
                operator: at('Bool'),
                key: at('aws:ViaAWSService'),
                values: [at('false')],
                range: noRange,
              },
            ],
            range: noRange,
          },
          unknownElements: [{ key: at('Extra'), value: { b: [], a: {} } }],
        }),
        statement({
          effect: at('Deny'),
          principal: { element: 'NotPrincipal', anyone: true, entries: [], range: noRange },
          action: list('NotAction', 'a:b', 'c:d'),
          resource: list('Resource'),
        }),
      ],
      { id: at('policy-1'), unknownElements: [{ key: at('Note'), value: 'kept' }] },
    )
    expect(printPolicy(policy)).toBe(`{
  "Version": "2012-10-17",
  "Id": "policy-1",
  "Statement": [
    {
      "Sid": "AllowAgents",
      "Effect": "Allow",
      "Principal": {
        "AWS": "123456789012",
        "Service": [
          "a.amazonaws.com",
          "b.amazonaws.com"
        ]
      },
      "Action": "connect:DescribeUser",
      "NotResource": [
        "arn:aws:connect:*:*:instance/a",
        "arn:aws:connect:*:*:instance/b"
      ],
      "Condition": {
        "Bool": {
          "aws:SecureTransport": true,
          "aws:ViaAWSService": "false"
        },
        "NumericLessThan": {
          "n": [
            1,
            2.5
          ]
        }
      },
      "Extra": {
        "b": [],
        "a": {}
      }
    },
    {
      "Effect": "Deny",
      "NotPrincipal": "*",
      "NotAction": [
        "a:b",
        "c:d"
      ],
      "Resource": []
    }
  ],
  "Note": "kept"
}`)
  })

  it('orders elements as the grammar does, whatever order they were written in', () => {
    const { policy } = parsePolicy(
      '{"Statement":{"Condition":{"Null":{"k":"true"}},"Resource":"*","Action":"a:b","Effect":"Allow","Sid":"s","Principal":"*","X":1},"Id":"i","Version":"2012-10-17"}',
    )
    expect(printPolicy(policy as PolicyDocument).replace(/\s+/g, '')).toBe(
      '{"Version":"2012-10-17","Id":"i","Statement":[{"Sid":"s","Effect":"Allow","Principal":"*","Action":"a:b","Resource":"*","Condition":{"Null":{"k":"true"}},"X":1}]}',
    )
  })

  it('writes a policy with nothing in it, and no final line break', () => {
    expect(printPolicy({ statements: [], unknownElements: [], range: noRange })).toBe(
      '{\n  "Statement": []\n}',
    )
  })

  it('escapes strings exactly as JSON.stringify does', () => {
    const odd = [
      '"quoted"',
      'back\\slash',
      'tab\tand\nline',
      '\u0000\u001f\u007f',
      '\ud800',
      '\u2028',
      '😀',
      '/',
    ]
    for (const text of odd) {
      const printed = printPolicy(policyOf([statement({ sid: at(text), effect: at('Allow') })]))
      expect(printed).toContain(`"Sid": ${JSON.stringify(text)},`)
    }
  })

  it('writes unknown elements as data, names such as `__proto__` and `0` included', () => {
    const value = Object.create(null)
    Object.defineProperty(value, '__proto__', { value: 1, enumerable: true })
    const printed = printPolicy(
      policyOf([], {
        unknownElements: [
          { key: at('__proto__'), value },
          { key: at('0'), value: [null, false, -1.5] },
        ],
      }),
    )
    expect(printed).toBe(
      '{\n  "Version": "2012-10-17",\n  "Statement": [],\n  "__proto__": {\n    "__proto__": 1\n  },\n  "0": [\n    null,\n    false,\n    -1.5\n  ]\n}',
    )
  })
})
