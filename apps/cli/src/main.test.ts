import { samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import packageJson from '../package.json' with { type: 'json' }
import { main, mainHelp } from './main.ts'
import { memoryIo } from './testing/memory-io.ts'

async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo()
  const code = await main(args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}

describe('main', () => {
  it.each([['--version'], ['-V']])('%s prints the version', async (flag) => {
    expect(await run([flag])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' })
  })

  it.each([['--help'], ['-h'], ['help']])('%s prints the help with every command', async (flag) => {
    const { code, stdout } = await run([flag])
    expect(code).toBe(0)
    expect(stdout).toBe(mainHelp)
    for (const command of ['validate', 'evaluate', 'samples', 'catalog']) {
      expect(stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'))
    }
  })

  it.each(['validate', 'evaluate', 'samples', 'catalog'])(
    '%s --help, and help %s: usage, options, examples and exit codes',
    async (command) => {
      const direct = await run([command, '--help'])
      expect(direct.code).toBe(0)
      expect(direct.stdout).toMatch(new RegExp(`^Usage: connect-policy ${command}`))
      expect(direct.stdout).toContain('\nExamples:\n')
      expect(direct.stdout).toContain('\nExit codes: ')
      expect(await run(['help', command])).toEqual(direct)
    },
  )

  it('keeps help lines short enough for a terminal', async () => {
    for (const command of [[], ['validate'], ['evaluate'], ['samples'], ['catalog']]) {
      const { stdout } = await run([...command, '--help'])
      for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100)
    }
  })

  it.each([
    [[], 2, '', mainHelp],
    [['valdate'], 2, '', 'error: unknown command `valdate`: did you mean `validate`\n'],
    [['lint'], 2, '', 'error: unknown command `lint`: see `connect-policy --help`\n'],
    [['--verbose'], 2, '', 'error: unknown option `--verbose`: see `connect-policy --help`\n'],
    [['help', 'lint'], 2, '', 'error: unknown command `lint`: see `connect-policy --help`\n'],
    [['toString'], 2, '', 'error: unknown command `toString`: see `connect-policy --help`\n'],
  ])('%j: exit %i', async (args, code, stdout, stderr) => {
    expect(await run(args)).toEqual({ code, stdout, stderr })
  })

  it('hands the arguments after the command name to the command', async () => {
    const { code, stdout } = await run(['samples', 'list', '--format', 'json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toHaveLength(samples.length)
  })
})
