import { awsCatalog } from '@connect-policy/catalog'
import { evaluate } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import { readSource } from '../read-source.ts'
import { testFile } from '../testing/test-files.ts'
import { principalAccess, principalPolicySet } from './principal-access.ts'

const catalog = awsCatalog()
const read = readSource({
  name: 'authorization-details.json',
  text: testFile('account/authorization-details.json'),
})

function who(action: string, resource: string) {
  return Object.fromEntries(
    principalAccess(read, { action, resource }, { catalog }).map((answer) => [
      answer.principal.name,
      answer.decision,
    ]),
  )
}

describe('which principals of an account can make a request', () => {
  it('answers connect:DeleteInstance: the admin can, the agent is stopped by its boundary', () => {
    const instance =
      'arn:aws:connect:eu-west-2:111122223333:instance/3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63'
    const answers = who('connect:DeleteInstance', instance)
    expect(answers.ConnectAdmin).toBe('Allow')
    expect(answers.ConnectAgent).toBe('ExplicitDeny')
    expect(answers.ConnectContactLookupLambda).toBe('ImplicitDeny')
    expect(answers['bob.analyst']).toBe('ExplicitDeny')
    expect(Object.keys(answers)).not.toContain('connect-supervisors')
  })

  it('decides each principal as evaluate decides its policy set (oracle: evaluate)', () => {
    for (const answer of principalAccess(
      read,
      { action: 'connect:DescribeQueue', resource: '*' },
      { catalog },
    )) {
      const { set, missing } = principalPolicySet(read, answer.principal)
      const direct = evaluate(
        { action: 'connect:DescribeQueue', resource: '*', principal: answer.principal.arn },
        set,
        { catalog },
      )
      const expected =
        direct.decision === undefined || (direct.decision === 'ImplicitDeny' && missing.length > 0)
          ? 'unknown'
          : direct.decision
      expect(answer.decision).toBe(expected)
      expect(set.identityPolicies?.length).toBe(answer.principal.identityPolicies.length)
    }
  })

  it('gives a user the policies of its groups', () => {
    const alice = read.principals.find((principal) => principal.name === 'alice.supervisor')
    const group = read.principals.find((principal) => principal.name === 'connect-supervisors')
    if (alice === undefined || group === undefined) throw new Error('alice or her group is missing')
    for (const path of group.identityPolicies) expect(alice.identityPolicies).toContain(path)
  })

  it('says unknown where a managed policy the export lacks could allow the request', () => {
    const raw = readSource({
      name: 'authorization-details-raw.json',
      text: testFile('account/authorization-details-raw.json'),
    })
    const admin = principalAccess(
      raw,
      { action: 'connect:DeleteInstance', resource: '*' },
      { catalog },
    ).find((answer) => answer.principal.name === 'ConnectAdmin')
    expect(admin?.decision).toBe('unknown')
    expect(admin?.reason).toContain('AmazonConnect_FullAccess')
  })
})
