import { describe, expect, it } from 'vitest'
import {
  policyTypeNamed,
  policyTypeNames,
  policyTypes,
  principalRuleBroken,
} from './policy-type.ts'

describe('policyTypeNamed', () => {
  it('takes every policy type by its own name', () => {
    for (const type of policyTypes) expect(policyTypeNamed(type)).toBe(type)
  })

  it('takes the kebab-case spellings and the AWS abbreviations', () => {
    expect(policyTypeNamed('permissions-boundary')).toBe('permissionsBoundary')
    expect(policyTypeNamed('scp')).toBe('serviceControl')
    expect(policyTypeNamed('service-control')).toBe('serviceControl')
    expect(policyTypeNamed('rcp')).toBe('resourceControl')
    expect(policyTypeNamed('resource-control')).toBe('resourceControl')
  })

  it('names only policy types, and each type by at least one name', () => {
    expect(new Set(Object.values(policyTypeNames))).toEqual(new Set(policyTypes))
  })

  it('refuses what is no name, the object prototype included', () => {
    for (const name of ['SCP', 'boundary', '', 'toString', '__proto__', 1, null, undefined, {}]) {
      expect(policyTypeNamed(name)).toBeUndefined()
    }
  })
})

describe('principalRuleBroken', () => {
  const anyone = { element: 'Principal', anyone: true } as never
  it('requires a principal in resource-based policies and everyone in RCPs', () => {
    expect(principalRuleBroken('resource', undefined)).toBe('missing')
    expect(principalRuleBroken('resourceControl', undefined)).toBe('not-everyone')
    expect(principalRuleBroken('resourceControl', anyone)).toBeUndefined()
  })

  it('refuses a principal in the policies attached to the principal, SCPs included', () => {
    for (const type of ['identity', 'permissionsBoundary', 'session', 'serviceControl'] as const) {
      expect(principalRuleBroken(type, anyone)).toBe('not-allowed')
      expect(principalRuleBroken(type, undefined)).toBeUndefined()
    }
  })
})
