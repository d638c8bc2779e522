import { samples as allSamples, type Sample } from '@connect-policy/samples'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkSamples, samples } from '../commands/samples.ts'
import { type MemoryIoOptions, memoryIo } from '../testing/memory-io.ts'

/**
 * The samples with one expectation's record changed to `Allow` where the policy denies: what
 * `samples check` must report when a sample's record and the evaluator part ways.
 */
function misrecorded(id: string, index: number): Sample[] {
  return allSamples.map((sample) =>
    sample.id !== id
      ? sample
      : {
          ...sample,
          expectations: sample.expectations.map((expectation, at) =>
            at === index ? { ...expectation, documented: 'Allow' } : expectation,
          ),
        },
  )
}

async function checkOf(
  list: readonly Sample[],
  args: string[] = [],
  options: MemoryIoOptions = {},
) {
  const { io, stdout } = memoryIo(options)
  const format = args.includes('json') ? 'json' : 'human'
  const code = checkSamples(list, format, io)
  return { code, stdout: stdout() }
}

async function check(args: string[] = [], options: MemoryIoOptions = {}) {
  const { io, stdout, stderr } = memoryIo(options)
  const code = await samples(['check', ...args], io)
  return { code, stdout: stdout(), stderr: stderr() }
}

const escapes = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g')

/** The lines of the section of one sample: its title, the header and one row per expectation. */
function section(output: string, id: string): string[] {
  const block = output.split('\n\n').find((text) => text.replace(escapes, '').startsWith(`${id}: `))
  if (block === undefined) throw new Error(`no section for ${id}`)
  return block.split('\n')
}

const checked = allSamples.filter((sample) => sample.expectations.length > 0)
const total = checked.reduce((sum, sample) => sum + sample.expectations.length, 0)

describe('samples check', () => {
  let plain: Awaited<ReturnType<typeof check>>
  beforeAll(async () => {
    plain = await check()
  })

  it('prints a table per sample with expectations, then the summary; exit 0', () => {
    expect(plain.code).toBe(0)
    expect(plain.stderr).toBe('')
    for (const sample of allSamples) {
      const title = `${sample.id}: ${sample.title}`
      if (sample.expectations.length === 0) expect(plain.stdout).not.toContain(title)
      else expect(section(plain.stdout, sample.id)).toHaveLength(sample.expectations.length + 2)
    }
    expect(plain.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${total} expectations of ${checked.length} samples, ${total} as recorded`,
    )
  })

  it('aligns the columns and shortens the resources', () => {
    const [title, header = '', first = ''] = section(
      plain.stdout,
      'create-user-deny-security-profile',
    )
    expect(title).toBe(
      'create-user-deny-security-profile: Allow creating users, but not with one security profile',
    )
    expect(first).toMatch(/^ {2}✓ {2}1 {2}connect:CreateUser /)
    expect(header.indexOf('documented')).toBe(first.indexOf('ExplicitDeny'))
    expect(header.indexOf('deciding')).toBe(first.indexOf('#1'))
    expect(first).toContain(
      'connect:us-west-2:123456789012:instance/00fbeee1…/agent/9b0e7f6a… + …/security-profile/11dcccc1… + …/routing-profile/33deeee3…',
    )
    expect(first).toContain('orig rejected, rev rejected')
    expect(first).not.toContain('arn:aws:')
  })

  it('shows the literal policy of a prose sample and the deciding Sid', () => {
    const rows = section(plain.stdout, 'more-contact-actions')
    expect(rows[5]).toMatch(/literal ImplicitDeny {2}StartChatContact$/)
    expect(rows.at(-1)).toMatch(/literal ImplicitDeny {2}-$/)
  })

  it('has no escape codes without a terminal, nor with NO_COLOR', async () => {
    expect(plain.stdout).not.toContain('\u001b[')
    const noColor = await check([], { isTTY: true, env: { NO_COLOR: '1' } })
    expect(noColor.stdout).toBe(plain.stdout)
  })

  it('colours each outcome by whether it is as recorded, and printings that differ', async () => {
    const coloured = await check([], { isTTY: true })
    expect(coloured.stdout).toContain('\u001b[32mExplicitDeny\u001b[39m')
    // the original printing of this sample allows nothing: an erratum, as recorded
    expect(section(coloured.stdout, 'event-integrations-name-prefix')[2]).toContain(
      '\u001b[33morig ImplicitDeny\u001b[39m',
    )
    expect(coloured.stdout).not.toContain('\u001b[31m')
    expect(coloured.stdout.replace(escapes, '')).toBe(plain.stdout)
  })

  it('marks an expectation not decided as recorded, names it, and exits 1', async () => {
    const list = misrecorded('create-user-deny-security-profile', 2)
    const { code, stdout } = await checkOf(list)
    expect(code).toBe(1)
    const row = section(stdout, 'create-user-deny-security-profile')[4] ?? ''
    expect(row).toMatch(/^ {2}✗ {2}3 {2}connect:CreateUser .* Allow {9}ExplicitDeny /)
    expect(stdout.trimEnd().split('\n').slice(-3)).toEqual([
      `${total} expectations of ${checked.length} samples, ${total - 1} as recorded`,
      'not as recorded: create-user-deny-security-profile #3',
      '`connect-policy samples show <id>` shows why',
    ])
    const coloured = await checkOf(list, [], { isTTY: true })
    expect(coloured.stdout).toContain('\u001b[31m✗\u001b[39m')
    expect(coloured.stdout).toContain('\u001b[31mExplicitDeny\u001b[39m')
  })

  it('--format json: the counts and every expectation with its live outcomes', async () => {
    const { code, stdout } = await check(['--format', 'json'])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as {
      expectations: number
      asRecorded: number
      samples: { id: string; expectations: { live: { asRecorded: boolean } }[] }[]
    }
    expect(report.expectations).toBe(total)
    expect(report.asRecorded).toBe(total)
    expect(report.samples.map((entry) => entry.id)).toEqual(checked.map((sample) => sample.id))
    expect(report.samples.flatMap((entry) => entry.expectations)).toHaveLength(total)
    expect(
      report.samples.every((entry) => entry.expectations.every((each) => each.live.asRecorded)),
    ).toBe(true)

    const off = await checkOf(misrecorded('create-user-deny-security-profile', 2), ['json'])
    expect(off.code).toBe(1)
    expect((JSON.parse(off.stdout) as { asRecorded: number }).asRecorded).toBe(total - 1)
  })
})
