import { describe, expect, it } from 'vitest'
import { useColor } from './env.ts'
import { type DemoSection, formatReport } from './format-report.ts'
import { shortenResource } from './shorten-resource.ts'

const section: DemoSection = {
  id: 'create-user',
  title: 'Allow creating users',
  rows: [
    {
      action: 'connect:CreateUser',
      resources: [
        'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/9b0e7f6a-5d4c-4b3a-8f2e-1d0c9b8a7f6e',
        'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/security-profile/11dcccc1-123e-111e-93e3-11111bfbfcc1',
      ],
      documented: 'ExplicitDeny',
      corrected: 'ExplicitDeny',
      printed: { original: 'rejected', revised: 'rejected' },
      deciding: [{ statementIndex: 1 }],
    },
    {
      action: 'connect:DeleteUser',
      resources: ['*'],
      documented: 'ImplicitDeny',
      corrected: 'Allow',
      printed: {},
      deciding: [{ sid: 'Everything', statementIndex: 0 }],
    },
  ],
}

describe('shortenResource', () => {
  it('drops the partition prefix and cuts UUIDs to their first group', () => {
    expect(
      shortenResource(
        'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/*',
      ),
    ).toBe('connect:us-west-2:123456789012:instance/00fbeee1…/contact/*')
  })

  it('leaves other text alone', () => {
    expect(shortenResource('*')).toBe('*')
    expect(
      shortenResource('arn:aws:voiceid:us-west-2:123456789012:domain/AbCdEfGhIjKlMnOpQrStUv'),
    ).toBe('voiceid:us-west-2:123456789012:domain/AbCdEfGhIjKlMnOpQrStUv')
  })
})

describe('formatReport', () => {
  const plain = formatReport([section], { color: false })

  it('prints an aligned table per sample and a summary line', () => {
    const lines = plain.trimEnd().split('\n')
    expect(lines[0]).toBe('create-user: Allow creating users')
    const header = lines[2] ?? ''
    const first = lines[4] ?? ''
    expect(header.indexOf('documented')).toBe(first.indexOf('ExplicitDeny'))
    expect(header.indexOf('deciding')).toBe(first.indexOf('#1'))
    expect(first).toContain('instance/00fbeee1…/agent/9b0e7f6a… + …/security-profile/11dcccc1…')
    expect(first).toContain('orig rejected, rev rejected')
    expect(lines[5]).toContain('Everything')
    expect(lines.at(-1)).toBe('2 expectations, 1 as documented')
  })

  it('has no escape codes without colour', () => {
    expect(plain).not.toContain('\u001b[')
  })

  it('colours the corrected decision by whether it is as documented', () => {
    const coloured = formatReport([section], { color: true })
    expect(coloured).toContain('\u001b[32mExplicitDeny')
    expect(coloured).toContain('\u001b[31mAllow')
    const escapes = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g')
    expect(coloured.replace(escapes, '')).toBe(plain)
  })
})

describe('useColor', () => {
  it('colours a terminal unless NO_COLOR is set', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true)
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
    expect(useColor({ isTTY: false }, {})).toBe(false)
    expect(useColor({}, {})).toBe(false)
  })
})
