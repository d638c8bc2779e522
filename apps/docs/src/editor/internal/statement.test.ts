// biome-ignore-all lint/suspicious/noTemplateCurlyInString: condition keys of the reference, not templates
import { awsCatalog } from '@connect-policy/catalog'
import { parser } from '@lezer/json'
import { describe, expect, it } from 'vitest'
import { documentReader } from './document-text.ts'
import {
  actionConditionKeys,
  statementActions,
  statementPlace,
  statementServices,
} from './statement.ts'

const catalog = awsCatalog()

describe('statementPlace', () => {
  it('splits a path at its statement, in a list or alone', () => {
    expect(statementPlace(['Statement', 2, 'Action', 0])).toEqual({
      statement: ['Statement', 2],
      within: ['Action', 0],
    })
    expect(statementPlace(['Statement', 'Condition'])).toEqual({
      statement: ['Statement'],
      within: ['Condition'],
    })
    expect(statementPlace(['Version'])).toBeUndefined()
    expect(statementPlace([])).toBeUndefined()
  })
})

describe('statementActions', () => {
  const actionsOf = (text: string, statement: (string | number)[]) =>
    statementActions(parser.parse(text), documentReader(text), statement, catalog).map(
      (action) => action.fullName,
    )

  it('reads the Action values of the statement, wildcards matched, each action once', () => {
    const text =
      '{"Statement": [{"Action": "s3:GetObject"}, {"Action": ["connect:DescribeUser", "connect:describeuser", "connect:DescribeUs*"]}]}'
    expect(actionsOf(text, ['Statement', 1])).toEqual([
      'connect:DescribeUser',
      'connect:DescribeUserHierarchyGroup',
      'connect:DescribeUserHierarchyStructure',
    ])
    expect(actionsOf(text, ['Statement', 0])).toEqual(['s3:GetObject'])
  })

  it('does not read NotAction, and gives nothing for a statement without actions', () => {
    expect(
      actionsOf('{"Statement": {"NotAction": "connect:DescribeUser"}}', ['Statement']),
    ).toEqual([])
    expect(actionsOf('{"Statement": {"Action": 3}}', ['Statement'])).toEqual([])
    expect(actionsOf('{"Statement": [', ['Statement', 0])).toEqual([])
  })
})

describe('actionConditionKeys', () => {
  it('gives the keys of the action and of its resource types, as the reference writes them', () => {
    const action = catalog.action('connect:TagResource')
    expect(action).toBeDefined()
    if (action === undefined) return
    const keys = actionConditionKeys(action)
    expect(keys).toContain('aws:RequestTag/${TagKey}')
    expect(keys).toContain('aws:TagKeys')
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length)
  })
})

describe('statementServices', () => {
  it("gives the services of the actions, each once, or Amazon Connect's", () => {
    expect(statementServices(catalog.matchActions('connect:Describe*'))).toEqual(['connect'])
    expect(statementServices([])).toEqual(['connect'])
  })
})
