import { describe, expect, it } from 'vitest'
import { statementElements } from '../parse/read/elements.ts'
import { closestName, didYouMean } from './closest-name.ts'

describe('closestName', () => {
  it.each([
    ['Statment', 'Statement', ['Version', 'Id', 'Statement']],
    ['statement', 'Statement', ['Version', 'Id', 'Statement']],
    ['VERSION', 'Version', ['Version', 'Id', 'Statement']],
    ['Efect', 'Effect', statementElements],
    ['Resources', 'Resource', statementElements],
    ['NotAktion', 'NotAction', statementElements],
    ['Sd', undefined, statementElements],
    ['d', undefined, ['Version', 'Id', 'Statement']],
    ['Conditions2', 'Condition', statementElements],
    ['Zebra', undefined, statementElements],
    ['x'.repeat(100), undefined, statementElements],
  ] as const)('%s suggests %s', (written, expected, known) => {
    expect(closestName(written, known)).toBe(expected)
  })
})

describe('didYouMean', () => {
  it('suggests only a name other than the one written', () => {
    expect(didYouMean('Efect', statementElements)).toBe(': did you mean `Effect`')
    expect(didYouMean('Effect', statementElements)).toBe('')
    expect(didYouMean('Zebra', statementElements)).toBe('')
  })
})
