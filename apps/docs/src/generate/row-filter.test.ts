import { describe, expect, it } from 'vitest'
import { rowMatches } from './row-filter.ts'

const row = 'CreateUser also needs: connect:DescribeUser Write user*, security-profile* aws:TagKeys'

describe('rowMatches', () => {
  it('matches every row when nothing is typed', () => {
    expect(rowMatches(row, '')).toBe(true)
    expect(rowMatches(row, '   ')).toBe(true)
  })

  it('matches each word typed anywhere in the row, in any case and order', () => {
    expect(rowMatches(row, 'createuser')).toBe(true)
    expect(rowMatches(row, 'security-profile write')).toBe(true)
    expect(rowMatches(row, 'WRITE  user')).toBe(true)
    expect(rowMatches(row, 'write queue')).toBe(false)
    expect(rowMatches(row, 'Read')).toBe(false)
  })

  it('reads what is typed as text, never as a pattern', () => {
    expect(rowMatches(row, 'user*')).toBe(true)
    expect(rowMatches(row, '.*')).toBe(false)
  })
})
