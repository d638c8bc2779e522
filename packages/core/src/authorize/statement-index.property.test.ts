import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbIdentityPolicies, requestActions } from '../testing/index.ts'
import { admitsAction, compileStatement } from './compiled-statement.ts'
import { preparePolicySet } from './prepare.ts'
import { candidatesFor, indexStatements } from './statement-index.ts'
import { statementRefs } from './statement-ref.ts'

const actions = fc.oneof(
  fc.constantFrom(...requestActions),
  fc.constantFrom(
    'connect:ListUsers',
    'CONNECT:DescribeUser',
    's3:GetObject',
    'connect-campaigns:X',
  ),
)

describe('indexStatements', () => {
  it('finds the statements whose Action admits an action, in order (oracle: scan)', () => {
    fc.assert(
      fc.property(arbIdentityPolicies, actions, (policies, action) => {
        const prepared = preparePolicySet({ identityPolicies: policies })
        const statements = (prepared.policies ?? []).flatMap((policy) => {
          const refs = statementRefs(policy)
          return policy.document.statements.map((statement, index) => {
            const ref = refs[index] as (typeof refs)[number]
            return { statement, ref }
          })
        })
        const compiled = statements.map(({ statement, ref }, position) =>
          compileStatement(statement, ref, true, false, position),
        )
        const folded = action.toLowerCase()
        expect(candidatesFor(indexStatements(compiled), folded)).toEqual(
          compiled.filter((statement) => admitsAction(statement, folded)),
        )
      }),
    )
  })
})
