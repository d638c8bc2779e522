import { describe, expect, it } from 'vitest'
import { compareActions } from './action-order.ts'

describe('compareActions', () => {
  it('orders by service prefix, then by action name, without regard to case', () => {
    const actions = [
      'connect:ListAWSAccounts',
      'wisdom:QueryAssistant',
      'connect:listagentstatuses',
      'Connect:DescribeUser',
      'app-integrations:ListApplications',
      'connect:ListAgentStatuses',
    ]
    expect([...actions].sort(compareActions)).toEqual([
      'app-integrations:ListApplications',
      'Connect:DescribeUser',
      'connect:ListAgentStatuses',
      'connect:listagentstatuses',
      'connect:ListAWSAccounts',
      'wisdom:QueryAssistant',
    ])
  })

  it('orders a service before the services its prefix starts, whatever their names', () => {
    expect(['connect-campaigns:A', 'connect:Z'].sort(compareActions)).toEqual([
      'connect:Z',
      'connect-campaigns:A',
    ])
  })

  it('sorts names without a prefix as of one service, before any prefixed one', () => {
    expect(['UpdateUser', 'connect:A', 'describeUser', 'CreateUser'].sort(compareActions)).toEqual([
      'CreateUser',
      'describeUser',
      'UpdateUser',
      'connect:A',
    ])
  })

  it('is a total order: antisymmetric, and zero only for the same text', () => {
    const actions = ['connect:A', 'connect:a', 'CONNECT:a', 'connect:B', 'b', 'B', '']
    for (const a of actions) {
      for (const b of actions) {
        expect(Math.sign(compareActions(a, b)) + Math.sign(compareActions(b, a))).toBe(0)
        expect(compareActions(a, b) === 0).toBe(a === b)
      }
    }
  })
})
