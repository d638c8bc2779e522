/** What a command reads and writes: the process's streams in the binary, memory in tests. */
export interface Io {
  readonly stdin: AsyncIterable<string | Uint8Array>
  readonly stdout: Output
  readonly stderr: Output
  readonly env: Readonly<Record<string, string | undefined>>
  /** Whether standard output is a terminal, which decides colours. */
  readonly isTTY: boolean
  /** The folder relative file names are read from. */
  readonly cwd: string
}

export interface Output {
  write(text: string): unknown
}

/** Everything standard input holds, as UTF-8 text, a byte order mark kept as files keep it. */
export async function readAll(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let text = ''
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  }
  return text + decoder.decode()
}
