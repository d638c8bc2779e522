import { describe, expect, it } from 'vitest'
import { compareActionLists } from './action-list-order.ts'

describe('compareActionLists', () => {
  it('orders lists by their first action in the site’s order, then by the next', () => {
    const lists = [
      ['connect:UpdateUser'],
      ['connect:describeUser', 'connect:CreateUser'],
      ['connect:CreateUser', 'connect:ListUsers'],
      ['app-integrations:ListApplications'],
    ]
    expect([...lists].sort(compareActionLists)).toEqual([
      ['app-integrations:ListApplications'],
      ['connect:describeUser', 'connect:CreateUser'],
      ['connect:CreateUser', 'connect:ListUsers'],
      ['connect:UpdateUser'],
    ])
  })

  it('puts a list that starts the other first, and calls equal lists equal', () => {
    expect(compareActionLists(['connect:A'], ['connect:A', 'connect:B'])).toBeLessThan(0)
    expect(compareActionLists(['connect:B', 'connect:A'], ['connect:A', 'connect:B'])).toBe(0)
    expect(compareActionLists([], [])).toBe(0)
  })
})
