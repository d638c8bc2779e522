import { awsCatalog } from '@connect-policy/catalog'
import type { ActionView } from '@connect-policy/core'
import { describe, expect, it } from 'vitest'
import type { ServiceView } from '../format/catalog-view.ts'
import { memoryIo } from '../testing/memory-io.ts'
import { catalog } from './catalog.ts'

async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo()
  const code = await catalog(args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}

const { source } = awsCatalog()
const dataLine = `service reference: ${source.name} ${source.version}, data of ${source.date}`

describe('catalog <service>', () => {
  it.each([
    'connect',
    'profile',
    'wisdom',
    'voiceid',
    'connect-campaigns',
    'app-integrations',
    'cases',
  ])(
    '%s: its actions, resource types with ARN formats and condition keys, and the data date',
    async (prefix) => {
      const { code, stdout } = await run([prefix])
      const service = awsCatalog().service(prefix)
      expect(code).toBe(0)
      expect(stdout.split('\n').slice(0, 2)).toEqual([`${service?.name} (${prefix})`, dataLine])
      expect(stdout).toContain(`actions (${service?.actions.length})`)
      expect(stdout).toContain(`resource types (${service?.resourceTypes.length})`)
      expect(stdout).toContain(`condition keys (${service?.conditionKeys.length})`)
    },
  )

  it('shows Amazon Connect as the reference has it', async () => {
    const { stdout } = await run(['connect'])
    expect(stdout).toMatch(
      /^ {2}connect:CreateUser +Write +[a-z-]+(\*)?, .*routing-profile\*, security-profile\*, user\*$/m,
    )
    expect(stdout).toMatch(
      /^ {2}instance +arn:\$\{Partition\}:connect:\$\{Region\}:\$\{Account\}:instance\/\$\{InstanceId\}$/m,
    )
    expect(stdout).toMatch(/^ {2}connect:InstanceId +String /m)
  })

  it('--format json: the same data', async () => {
    const { stdout } = await run(['connect', '--format', 'json'])
    const { service, serviceReference } = JSON.parse(stdout) as {
      service: ServiceView
      serviceReference: unknown
    }
    expect(serviceReference).toEqual(source)
    expect(
      service.actions
        .find((action) => action.action === 'connect:CreateUser')
        ?.resourceTypes.map((type) => type.name),
    ).toContain('security-profile')
  })

  it('takes the prefix in any case', async () => {
    expect((await run(['Connect'])).code).toBe(0)
  })
})

describe('catalog <action pattern>', () => {
  it('connect:Describe*: every matching action with access levels and resource types, sorted', async () => {
    const { code, stdout } = await run(['connect:Describe*'])
    const count = awsCatalog().matchActions('connect:Describe*').length
    expect(code).toBe(0)
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      `\`connect:Describe*\` names ${count} actions`,
      dataLine,
    ])
    const names = [...stdout.matchAll(/^ {2}(connect:Describe\w+) +Read /gm)].map(
      (match) => match[1],
    )
    expect(names).toHaveLength(count)
    expect(names).toEqual([...names].sort((a = '', b = '') => a.localeCompare(b)))
  })

  it('one action: in full, with ARN formats and condition keys as the reference writes them', async () => {
    const { stdout } = await run(['connect:createuser'])
    expect(stdout).toContain('connect:CreateUser\n  access level: Write\n  resource types:\n')
    expect(stdout).toContain(
      [
        '    security-profile (required)',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's ARN format notation
        '      arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/security-profile/${SecurityProfileId}',
      ].join('\n'),
    )
    expect(stdout).toMatch(
      / {2}condition keys of the action: .*aws:RequestTag\/\$\{TagKey\}.*connect:InstanceId/,
    )
  })

  it('an action that takes no resource says so', async () => {
    const { stdout } = await run(['connect:ListInstances'])
    expect(stdout).toContain('  resource types: none: the action takes `Resource: "*"` only')
  })

  it('--format json: the actions as data', async () => {
    const { stdout } = await run(['*:TagResource', '--format', 'json'])
    const { actions } = JSON.parse(stdout) as { actions: ActionView[] }
    expect(actions.map((action) => action.action)).toContain('connect:TagResource')
    expect(actions.every((action) => action.action.endsWith(':TagResource'))).toBe(true)
  })

  it('a pattern that names nothing: exit 1, said on stderr', async () => {
    const { code, stderr } = await run(['connect:Frobnicate*'])
    expect(code).toBe(1)
    expect(stderr).toBe('`connect:Frobnicate*` names no action of the service reference\n')
  })
})

describe('catalog: usage', () => {
  it.each([
    [[], 'error: name a service (`connect`) or an action pattern (`connect:Describe*`)\n'],
    [['conect'], 'error: unknown service `conect`: did you mean `connect`\n'],
    [['connect', 'profile'], 'error: unexpected argument `profile`\n'],
    [['connect', '--format', 'yaml'], 'error: `--format` must be one of human, json, not `yaml`\n'],
  ])('%j: exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args)
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message })
  })
})
