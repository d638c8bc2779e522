import { awsCatalog } from '@connect-policy/catalog'
import { evaluate } from '@connect-policy/core'
import lzString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { compareHashOf, compareStateFromHash, runCompare } from './compare.ts'
import { stateFromHash } from './state.ts'

const catalog = awsCatalog()
const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333'
const policy = (resource: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'connect:DescribeUser', Resource: resource }],
  })

describe('runCompare', () => {
  it('says how after relates to before, each access with a link whose request its side allows', () => {
    const state = { before: policy(`${instance}/agent/*`), after: policy(`${instance}*`) }
    const view = runCompare(state, catalog)
    expect(view.errors).toBeUndefined()
    if (view.errors !== undefined) return
    expect(view.relation).toBe('After allows more than before, and keeps everything.')
    expect(view.added.length).toBeGreaterThan(0)
    expect(view.removed).toEqual([])
    for (const added of view.added) {
      expect([added.before, added.after]).toEqual(['ImplicitDeny', 'Allow'])
      const loaded = stateFromHash(added.playground)
      expect(loaded?.policies).toEqual([{ type: 'identity', level: 0, text: state.after }])
      const request = { action: loaded?.action ?? '', resource: loaded?.resources[0] ?? '' }
      expect(evaluate(request, { identityPolicies: [state.after] }, { catalog }).decision).toBe(
        'Allow',
      )
    }
  })

  it('lists the errors of a policy AWS would reject', () => {
    const view = runCompare({ before: '{', after: policy('*') }, catalog)
    expect(view.errors?.[0]).toMatch(/^before: /)
  })
})

describe('the compare page’s link', () => {
  it('still opens the first links, compressed by lz-string', () => {
    const state = { before: policy('*'), after: policy(`${instance}/*`) }
    const first = `#c=${lzString.compressToEncodedURIComponent(JSON.stringify(state))}`
    expect(compareStateFromHash(first)).toEqual(state)
  })

  it('holds both policies, and nothing else is read from it', () => {
    const state = { before: policy('*'), after: policy(`${instance}/*`) }
    expect(compareStateFromHash(compareHashOf(state))).toEqual(state)
    expect(compareStateFromHash('#d=garbage')).toBeUndefined()
    expect(compareStateFromHash('#c=garbage')).toBeUndefined()
    expect(compareStateFromHash('#s=x')).toBeUndefined()
  })
})
