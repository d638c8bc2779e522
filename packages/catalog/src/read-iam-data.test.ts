// biome-ignore-all lint/suspicious/noTemplateCurlyInString: key names in the reference's notation, not templates
import { describe, expect, it } from 'vitest'
import { normalizeKeyName, readAccessLevels, readDescription } from './read-iam-data.ts'

describe('readAccessLevels', () => {
  it.each([
    ['Read', ['Read']],
    ['List', ['List']],
    ['Write', ['Write']],
    ['Tagging', ['Tagging']],
    ['Permissions management', ['Permissions management']],
    ['Tagging, Write', ['Tagging', 'Write']],
    ['Permissions management, Write', ['Permissions management', 'Write']],
    ['Write,Tagging', ['Write', 'Tagging']],
    ['  List  ', ['List']],
    ['', []],
    // a level the summaries do not define is left out rather than guessed
    ['Permissions Management', []],
    ['Read, Unknown', ['Read']],
  ])('reads %j as %j', (text, levels) => {
    expect(readAccessLevels(text)).toEqual(levels)
  })
})

describe('normalizeKeyName', () => {
  it.each([
    ['s3:ExistingObjectTag/<key>', 's3:ExistingObjectTag/${key}'],
    ['s3-outposts:RequestObjectTag/<key>', 's3-outposts:RequestObjectTag/${key}'],
    ['secretsmanager:ResourceTag/tag-key', 'secretsmanager:ResourceTag/${TagKey}'],
    ['ssm:resourceTag/tag-key', 'ssm:resourceTag/${TagKey}'],
    ['<a>/<b>', '${a}/${b}'],
    // already in the reference's notation, or with nothing variable
    ['aws:ResourceTag/${TagKey}', 'aws:ResourceTag/${TagKey}'],
    ['connect:InstanceId', 'connect:InstanceId'],
    ['ec2:tag-key', 'ec2:tag-key'],
    ['x:Tag/tag-key/more', 'x:Tag/tag-key/more'],
    ['x:a<b', 'x:a<b'],
  ])('writes %s as %s', (name, normalized) => {
    expect(normalizeKeyName(name)).toBe(normalized)
  })
})

describe('readDescription', () => {
  it.each([
    ['Grants permission to describe a user', 'Grants permission to describe a user'],
    // as the package writes a few of them
    [
      'Grants permission to stop  a running stream processor',
      'Grants permission to stop a running stream processor',
    ],
    ['tasks in AWS Partner\nCentral', 'tasks in AWS Partner Central'],
    ['  Grants permission to list queues ', 'Grants permission to list queues'],
  ])('reads %j as %j', (text, line) => {
    expect(readDescription(text)).toBe(line)
  })

  it.each([[''], ['   '], ['\n'], [undefined], [42]])('reads %j as no description', (text) => {
    expect(readDescription(text)).toBeUndefined()
  })
})
