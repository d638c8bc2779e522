import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from './main.ts'
import { appRoot } from './testing/build-binary.ts'
import { memoryIo } from './testing/memory-io.ts'

const readme = readFileSync(join(appRoot, 'README.md'), 'utf8')
const examples = join(appRoot, 'examples')

interface Block {
  readonly language: string
  readonly text: string
}

function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    language: match[1] ?? '',
    text: match[2] ?? '',
  }))
}

/** Shell words: whitespace-separated, single quotes kept together, `*.json` expanded in `examples/`. */
function words(line: string): string[] {
  const found = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => ({
    word: match[1] ?? match[2] ?? '',
    quoted: match[1] !== undefined,
  }))
  return found.flatMap(({ word, quoted }) => {
    if (quoted || !word.endsWith('*.json')) return [word]
    // the request is not a policy, and validate reports a file that is none of its formats
    return readdirSync(examples)
      .filter((name) => name.endsWith('.json') && name !== 'request.json')
      .sort()
  })
}

/** A command line of the README: its arguments, the file piped in, whether output is redirected. */
interface CommandLine {
  readonly line: string
  readonly args: readonly string[]
  readonly stdinFile?: string
}

function commandLines(text: string): CommandLine[] {
  const lines = text.replace(/\\\n\s*/g, '').split('\n')
  return lines.flatMap((line): CommandLine[] => {
    const piped = /^cat (\S+) \| (connect-policy .*)$/.exec(line)
    const command = piped?.[2] ?? (line.startsWith('connect-policy ') ? line : undefined)
    if (command === undefined) return []
    const [, ...args] = words(command.replace(/\s+#.*$/, '').replace(/\s*>\s*\S+$/, ''))
    return [{ line, args, ...(piped?.[1] === undefined ? {} : { stdinFile: piped[1] }) }]
  })
}

async function run(command: CommandLine) {
  const stdin =
    command.stdinFile === undefined
      ? undefined
      : readFileSync(join(examples, command.stdinFile), 'utf8')
  const { io, stdout, stderr } = memoryIo({
    cwd: examples,
    ...(stdin === undefined ? {} : { stdin }),
  })
  const code = await main(command.args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}

const all = blocks(readme)
const shell = all.flatMap((block, index) =>
  block.language === 'sh'
    ? commandLines(block.text).map((command, _, list) => ({
        command,
        // an output block right after a block of one command shows what that command prints
        shown:
          list.length === 1 && all[index + 1]?.language === 'text'
            ? all[index + 1]?.text
            : undefined,
      }))
    : [],
)

describe('README', () => {
  it('has commands to run', () => {
    expect(shell.length).toBeGreaterThan(15)
    expect(shell.filter((entry) => entry.shown !== undefined)).toHaveLength(4)
  })

  it.each(shell.map((entry) => [entry.command.line, entry] as const))(
    '%s',
    async (_, { command, shown }) => {
      const { code, stdout, stderr } = await run(command)
      expect(code, stderr).not.toBe(2)
      if (command.args.includes('--expect')) expect(code, stderr).toBe(0)
      if (shown !== undefined) expect(stdout).toBe(shown)
    },
  )

  const yaml =
    all.find((block) => block.language === 'yaml' && block.text.includes('run:'))?.text ?? ''
  const ciCommands = [...yaml.matchAll(/run: >?\s*(connect-policy [\s\S]*?)(?=\n\s*- |\n?$)/g)].map(
    (match) => (match[1] ?? '').replace(/\s+/g, ' ').replaceAll('policies/', ''),
  )

  it('has a CI snippet that validates and evaluates', () => {
    expect(ciCommands.map((line) => line.split(' ')[1])).toEqual(['validate', 'evaluate'])
  })

  it.each(ciCommands)('CI: %s', async (line) => {
    const [command] = commandLines(line)
    if (command === undefined) throw new Error(`not a command: ${line}`)
    const { code, stderr } = await run(command)
    expect(code, stderr).toBe(command.args.includes('--expect') ? 0 : 1)
  })

  it('documents every option of every command', async () => {
    for (const name of [
      'validate',
      'evaluate',
      'compare',
      'check-not-granted',
      'summarize',
      'audit',
      'baseline',
      'principals',
      'samples',
      'catalog',
    ]) {
      const { io, stdout } = memoryIo()
      await main([name, '--help'], io)
      const options = [...stdout().matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1] ?? '')
      for (const option of options) expect(readme, `${name} ${option}`).toContain(`\`${option}`)
    }
  })
})
