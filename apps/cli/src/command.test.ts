import { describe, expect, it } from 'vitest'
import { commaList, defineCommand, oneOf, parseArguments, UsageError } from './command.ts'
import { memoryIo } from './testing/memory-io.ts'

const options = {
  format: { type: 'string', short: 'f' },
  explain: { type: 'boolean' },
  resource: { type: 'string', multiple: true },
} as const

describe('parseArguments', () => {
  it.each([
    [['--bogus'], 'unknown option `--bogus`'],
    [['--format'], 'option `--format` needs a value'],
    [['-f'], 'option `--format` needs a value'],
    [['--explain=yes'], 'option `--explain` takes no value'],
    [
      ['--format', '--explain'],
      'option `--format` needs a value; write `--format=<value>` for a value that starts with `-`',
    ],
  ])('%j: %s', (args, message) => {
    expect(() => parseArguments(args, options, true)).toThrow(new UsageError(message))
  })

  it('refuses positionals where the command takes none', () => {
    expect(() => parseArguments(['file.json'], options, false)).toThrow(
      new UsageError('unexpected argument `file.json`'),
    )
  })

  it('reads repeated options, `-` as a value and positionals after `--`', () => {
    const { values, positionals } = parseArguments(
      ['--resource', 'a', '--resource', 'b', '-f', '-', '--', '--explain'],
      options,
      true,
    )
    expect(values).toEqual({ resource: ['a', 'b'], format: '-' })
    expect(positionals).toEqual(['--explain'])
  })
})

describe('oneOf', () => {
  it('gives the value, or the fallback when none is given', () => {
    expect(oneOf('format', 'json', ['human', 'json'], 'human')).toBe('json')
    expect(oneOf('format', undefined, ['human', 'json'], 'human')).toBe('human')
  })

  it.each([
    ['xml', '`--format` must be one of human, json, not `xml`'],
    ['jsn', '`--format` must be one of human, json, not `jsn`: did you mean `json`'],
  ])('refuses `%s`', (value, message) => {
    expect(() => oneOf('format', value, ['human', 'json'], 'human')).toThrow(
      new UsageError(message),
    )
  })
})

describe('commaList', () => {
  it.each([
    [undefined, []],
    [
      ['a,b', 'c'],
      ['a', 'b', 'c'],
    ],
    [[' a , ,b '], ['a', 'b']],
  ])('%j → %j', (values, expected) => {
    expect(commaList(values)).toEqual(expected)
  })
})

describe('defineCommand', () => {
  const command = defineCommand('the help\n', async (args) => {
    if (args[0] === 'bad') throw new UsageError('first problem', 'second problem')
    if (args[0] === 'bug') throw new Error('a bug')
    return 0
  })

  it.each([['--help'], ['-h'], ['bad', '--help']])(
    'prints the help for %j, exit 0',
    async (...args) => {
      const { io, stdout } = memoryIo()
      expect(await command(args, io)).toBe(0)
      expect(stdout()).toBe('the help\n')
    },
  )

  it('takes `--help` after `--` as an argument', async () => {
    const { io, stdout } = memoryIo()
    expect(await command(['--', '--help'], io)).toBe(0)
    expect(stdout()).toBe('')
  })

  it('reports every usage problem on stderr, exit 2', async () => {
    const { io, stdout, stderr } = memoryIo()
    expect(await command(['bad'], io)).toBe(2)
    expect(stderr()).toBe('error: first problem\nerror: second problem\n')
    expect(stdout()).toBe('')
  })

  it('lets other errors through: they are bugs, not usage errors', async () => {
    await expect(command(['bug'], memoryIo().io)).rejects.toThrow('a bug')
  })
})
