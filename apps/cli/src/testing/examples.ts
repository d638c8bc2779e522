import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../main.ts'
import { memoryIo } from './memory-io.ts'

/** The CLI's example files (`apps/cli/examples`), which the README's commands read too. */
export const examples = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'examples')

/** The text of an example file. */
export function exampleText(file: string): string {
  return readFileSync(join(examples, file), 'utf8')
}

/** The CLI run in the examples' folder, with what it printed and its exit code. */
export async function runInExamples(args: string[]) {
  const { io, stdout, stderr } = memoryIo({ cwd: examples })
  const code = await main(args, io)
  return { code, stdout: stdout(), stderr: stderr() }
}
