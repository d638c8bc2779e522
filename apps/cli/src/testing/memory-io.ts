import type { Io } from '../io.ts'

export interface MemoryIo {
  readonly io: Io
  readonly stdout: () => string
  readonly stderr: () => string
}

export interface MemoryIoOptions {
  readonly stdin?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly isTTY?: boolean
  readonly cwd?: string
}

/** Streams in memory, so that a test calls a command as a function and reads what it wrote. */
export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out: string[] = []
  const err: string[] = []
  const input = options.stdin
  const io: Io = {
    stdin: {
      async *[Symbol.asyncIterator]() {
        if (input === undefined) return
        // in two pieces, with a character split across them, as a pipe may deliver it
        const bytes = new TextEncoder().encode(input)
        const middle = Math.floor(bytes.length / 2)
        yield bytes.slice(0, middle)
        yield bytes.slice(middle)
      },
    },
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
  }
  return { io, stdout: () => out.join(''), stderr: () => err.join('') }
}
