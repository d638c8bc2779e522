import type { Io } from './io.ts'
import { main } from './main.ts'

// A reader that stops early (`connect-policy catalog connect | head`) closes the pipe; that is
// not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  process.stderr.write(`error: cannot write the output: ${error.message}\n`)
  process.exit(2)
})

const io: Io = {
  // standard input is opened only when a command reads `-`, so that a terminal is never held
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
}

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    process.stderr.write(`internal error: ${detail}\n`)
    process.exitCode = 2
  },
)
