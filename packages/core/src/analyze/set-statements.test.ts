// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in texts, not templates
import { describe, expect, it } from 'vitest'
import { analysisCatalog as catalog } from '../testing/index.ts'
import { prepareForAnalysis } from './prepared-set.ts'
import { setStatements } from './set-statements.ts'

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'connect:*',
      Resource: [
        'arn:aws:connect:*:*:instance/*',
        'arn:aws:connect:*:*:instance/*/agent/${aws:username}',
      ],
    },
    {
      Effect: 'Deny',
      NotAction: 'connect:Describe*',
      NotResource: 'arn:aws:connect:*:*:instance/a/*',
      Condition: {
        StringEquals: { 'connect:InstanceId': 'a' },
        Bool: { 'aws:SecureTransport': 'false' },
      },
    },
  ],
})

describe('setStatements', () => {
  it('gives each statement as the evaluator reads it, policy variables apart', () => {
    const expected = {
      statements: [
        {
          effect: 'Allow',
          actions: { negated: false, patterns: ['connect:*'] },
          resources: { negated: false, patterns: ['arn:aws:connect:*:*:instance/*'] },
          conditionKeys: [],
          variables: ['arn:aws:connect:*:*:instance/*/agent/${aws:username}'],
          characters: 91,
        },
        {
          effect: 'Deny',
          actions: { negated: true, patterns: ['connect:Describe*'] },
          resources: { negated: true, patterns: ['arn:aws:connect:*:*:instance/a/*'] },
          conditionKeys: ['connect:InstanceId', 'aws:SecureTransport'],
          variables: [],
          characters: 108,
        },
      ],
    }
    const set = { identityPolicies: [policy] }
    expect(setStatements(set)).toEqual(expected)
    const prepared = prepareForAnalysis(set, { catalog })
    expect(setStatements(prepared)).toEqual(expected)
  })

  it('gives the errors of a set that cannot be evaluated', () => {
    const read = setStatements({ identityPolicies: ['{'] })
    expect('errors' in read && read.errors[0]?.message).toMatch(/^the policy set: /)
  })
})
