import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { main } from '../main.ts'
import { memoryIo } from '../testing/memory-io.ts'

const account = fileURLToPath(
  new URL('../../../../packages/sources/test-files/account/', import.meta.url),
)
const instance =
  'arn:aws:connect:eu-west-2:111122223333:instance/3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63'

async function run(args: readonly string[]) {
  const { io, stdout, stderr } = memoryIo({ cwd: account })
  const code = await main(['principals', ...args], io)
  return { code, stdout: stdout(), stderr: stderr() }
}

describe('connect-policy principals', () => {
  it('lists the users, groups and roles of an export with their policies', async () => {
    const { code, stdout } = await run(['authorization-details.json'])
    expect(code).toBe(0)
    expect(stdout).toContain('role  ConnectAgent: 2 policies, a permissions boundary')
    expect(stdout).toContain('user  alice.supervisor: 3 policies')
  })

  it('answers who can call connect:DeleteInstance on an instance, with the deciding statement', async () => {
    const { code, stdout } = await run([
      'authorization-details.json',
      '--action',
      'connect:DeleteInstance',
      '--resource',
      instance,
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^Allow +role +ConnectAdmin: managed policy AmazonConnect_FullAccess \(v4\)$/m,
    )
    expect(stdout).toMatch(
      /^ExplicitDeny +role +ConnectAgent: permissions boundary ConnectAgentBoundary/m,
    )
    expect(stdout).toContain(
      '2 of 6 users and roles of authorization-details.json can call connect:DeleteInstance',
    )
  })

  it('says unknown where the export lacks a policy attached', async () => {
    const { stdout } = await run([
      'authorization-details-raw.json',
      '--action',
      'connect:DeleteInstance',
    ])
    expect(stdout).toMatch(
      /^unknown +role +ConnectAdmin: the export does not hold .*AmazonConnect_FullAccess/m,
    )
  })

  it('audits each user and role, exit 1 on findings at or above --fail-on', async () => {
    const { code, stdout } = await run([
      'authorization-details.json',
      '--audit',
      '--fail-on',
      'critical',
    ])
    expect(code).toBe(1)
    expect(stdout).toMatch(/^role ConnectAdmin: fails emergency-admin-access \(critical\)/m)
    expect(stdout).toContain('user bob.analyst: every check passed')
  })

  it('refuses a file that is not an account export', async () => {
    const { code, stderr } = await run(['get-role-policy.json'])
    expect(code).toBe(2)
    expect(stderr).toContain('is not `aws iam get-account-authorization-details` output')
  })
})
