import { samples as allSamples, evaluateExpectation } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { memoryIo } from '../testing/memory-io.ts'
import { samples } from './samples.ts'

async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo()
  const code = await samples(args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}

interface ShownSample {
  readonly sample: { readonly id: string }
  readonly findings: Record<string, readonly { readonly code: string }[]>
  readonly expectations: readonly {
    readonly documented: string
    readonly live: {
      readonly corrected?: { readonly outcome: string }
      readonly printed: Record<string, { readonly outcome: string }>
      readonly asRecorded: boolean
    }
  }[]
}

describe('samples list', () => {
  it('lists every sample with its id and title', async () => {
    const { code, stdout } = await run(['list'])
    expect(code).toBe(0)
    for (const sample of allSamples) {
      expect(stdout).toMatch(
        new RegExp(`^ {2}${sample.id} .* ${sample.title.replace(/[()]/g, '\\$&')}$`, 'm'),
      )
    }
  })

  it('--format json: one row per sample', async () => {
    const { stdout } = await run(['list', '--format', 'json'])
    const rows = JSON.parse(stdout) as { id: string; errata: number; expectations: number }[]
    expect(rows.map((row) => row.id)).toEqual(allSamples.map((sample) => sample.id))
    expect(rows[1]?.expectations).toBe(allSamples[1]?.expectations.length)
  })
})

describe('samples show', () => {
  it.each(allSamples.map((sample) => [sample.id, sample] as const))(
    '%s: the text, errata and every expectation with its live decisions, all as recorded',
    async (id, sample) => {
      const human = await run(['show', id])
      expect(human.code).toBe(0)
      expect(human.stdout).toContain(`${id}: ${sample.title}`)
      expect(human.stdout).toContain(`errata (${sample.errata.length})`)
      expect(human.stdout).toContain(
        `expectations (${sample.expectations.length}, ${sample.expectations.length} as recorded)`,
      )
      for (const erratum of sample.errata) expect(human.stdout).toContain(erratum.id)

      const json = JSON.parse((await run(['show', id, '--format', 'json'])).stdout) as ShownSample
      expect(json.sample.id).toBe(id)
      json.expectations.forEach((shown, index) => {
        const expectation = sample.expectations[index]
        if (expectation === undefined) throw new Error('more expectations shown than held')
        const live = evaluateExpectation(sample, expectation)
        expect(shown.live.asRecorded).toBe(true)
        expect(shown.live.corrected?.outcome).toBe(live.corrected?.outcome)
        for (const [version, outcome] of Object.entries(shown.live.printed)) {
          expect(outcome.outcome).toBe(live.printed[version as 'original' | 'revised']?.outcome)
        }
      })
    },
  )

  it('shows the findings on each printed text, with the fix', async () => {
    const { stdout } = await run([
      'show',
      'create-user-deny-security-profile',
      '--printing',
      'revised',
    ])
    expect(stdout).toContain('printed (revised)')
    expect(stdout).not.toContain('printed (original)')
    expect(stdout).toContain(
      '    create-user-deny-security-profile/revised:9:28: error: remove the trailing comma before `}` [trailing-comma]',
    )
    expect(stdout).toContain('      fix: Remove the comma: delete `,`')
    expect(stdout).toMatch(/printed revised: rejected ✓/)
  })

  it('--printing keeps only that printing, in the JSON too', async () => {
    const { stdout } = await run([
      'show',
      'deny-user-delete-update',
      '--printing',
      'original',
      '--format',
      'json',
    ])
    const shown = JSON.parse(stdout) as ShownSample
    expect(Object.keys(shown.findings)).toEqual(['original'])
    expect(
      shown.expectations.every((entry) => Object.keys(entry.live.printed).join() === 'original'),
    ).toBe(true)
  })

  it.each([
    [[], 'error: name a subcommand: `list`, `show <id>` or `check`\n'],
    [['shw'], 'error: unknown subcommand `shw`: `list`, `show <id>` or `check`\n'],
    [['show'], 'error: name the sample to show: `samples show <id>`\n'],
    [['show', 'nope'], 'error: unknown sample `nope`: `connect-policy samples list` lists them\n'],
    [
      ['show', 'deny-user-delete-updat'],
      'error: unknown sample `deny-user-delete-updat`: did you mean `deny-user-delete-update`\n',
    ],
    [
      ['show', 'wisdom-query-assistant', '--printing', 'revised'],
      'error: sample `wisdom-query-assistant` is not in the revised printing\n',
    ],
    [
      ['show', 'wisdom-query-assistant', '--printing', 'latest'],
      'error: `--printing` must be one of original, revised, not `latest`\n',
    ],
    [['list', 'extra'], 'error: unexpected argument `extra`\n'],
    [
      ['check', 'deny-user-delete-update'],
      'error: unexpected argument `deny-user-delete-update`\n',
    ],
    [
      ['check', '--printing', 'revised'],
      'error: `--printing` applies to `show` only, not `check`\n',
    ],
    [['check', '--format', 'sarif'], 'error: `--format` must be one of human, json, not `sarif`\n'],
  ])('%j: exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args)
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message })
  })
})
