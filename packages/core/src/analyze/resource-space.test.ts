import { describe, expect, it } from 'vitest'
import { exampleIdentifier, polishedArns } from './resource-space.ts'

describe('polishedArns', () => {
  it('writes a search witness’s one-character path segments as identifiers, all at once, then each alone', () => {
    const witness = 'arn:aws:connect:us-east-1:123456789012:instance/i-1d/agent/d'
    const [all, ...alone] = polishedArns(witness)
    expect(all).toBe(
      `arn:aws:connect:us-east-1:123456789012:instance/i-1d/agent/${exampleIdentifier('Segment3Id')}`,
    )
    expect(alone).toEqual([])
    const two = polishedArns('arn:aws:s3:::b/k/x')
    expect(two).toHaveLength(4)
    expect(two[1]).toBe(`arn:aws:s3:::${exampleIdentifier('Segment0Id')}/k/x`)
  })

  it('leaves a text with no such segment, or no resource part, without alternatives', () => {
    expect(polishedArns('arn:aws:connect:us-east-1:123456789012:instance/i-1')).toEqual([])
    expect(polishedArns('*')).toEqual([])
  })
})

describe('exampleIdentifier', () => {
  it('is UUID-shaped for an identifier, a name otherwise, and the same on every call', () => {
    expect(exampleIdentifier('InstanceId')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(exampleIdentifier('BucketName')).toBe('example-bucket-name')
    expect(exampleIdentifier('InstanceId')).toBe(exampleIdentifier('InstanceId'))
  })
})
