// biome-ignore-all lint/suspicious/noTemplateCurlyInString: key names in the reference's notation, not templates
import { describe, expect, it } from 'vitest'
import { matchesConditionKeyName, readConditionKeyName } from './condition-key-name.ts'

describe('readConditionKeyName', () => {
  it('reads a name without variable part as one lower-case name', () => {
    expect(readConditionKeyName('connect:InstanceId')).toEqual({
      name: 'connect:InstanceId',
      exact: 'connect:instanceid',
    })
  })

  it('cuts a name with variable parts around them', () => {
    expect(readConditionKeyName('aws:ResourceTag/${TagKey}')).toEqual({
      name: 'aws:ResourceTag/${TagKey}',
      pieces: ['aws:resourcetag/', ''],
    })
    expect(readConditionKeyName('${Service}:Tag/${TagKey}/Value')?.pieces).toEqual([
      '',
      ':tag/',
      '/value',
    ])
  })
})

describe('matchesConditionKeyName', () => {
  it.each([
    ['connect:InstanceId', 'connect:InstanceId', true],
    ['connect:InstanceId', 'CONNECT:instanceid', true],
    ['connect:InstanceId', 'connect:InstanceIds', false],
    ['connect:InstanceId', 'connect:Instance', false],
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag/Team', true],
    ['aws:ResourceTag/${TagKey}', 'AWS:resourcetag/TEAM', true],
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag/a/b', true],
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag/t', true],
    // a variable part takes at least one character
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag/', false],
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag', false],
    ['aws:ResourceTag/${TagKey}', 'aws:RequestTag/Team', false],
    ['aws:ResourceTag/${TagKey}', 'xaws:ResourceTag/Team', false],
    ['${A}/x/${B}', 'a/x/b', true],
    ['${A}/x/${B}', 'a/x/b/x/c', true],
    ['${A}/x/${B}', '/x/b', false],
    ['${A}/x/${B}', 'a/x/', false],
    ['${A}x${B}x', 'axbx', true],
    ['${A}x${B}x', 'axx', false],
    ['${A}x${B}x', 'xxxx', true],
    ['p${A}${B}', 'pab', true],
    ['p${A}${B}', 'pa', false],
  ])('%s against %s: %s', (name, written, matches) => {
    expect(matchesConditionKeyName(readConditionKeyName(name), written)).toBe(matches)
  })
})
