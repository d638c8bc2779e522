/**
 * JSON written as `JSON.stringify(value, null, indent)` writes it, with where each string (key or
 * value) is: the offsets of its characters between the quotes. For the tests that follow a string
 * from a file through a projection and back.
 */

export interface LaidOutString {
  /** Where it is in the value: `Statement[0].Action`, `Statement[0].<key Action>` for a key. */
  readonly path: string
  readonly key: boolean
  readonly value: string
  /** Offsets of its first character and past its last, between the quotes. */
  readonly start: number
  readonly end: number
}

export interface LaidOutJson {
  readonly text: string
  readonly strings: readonly LaidOutString[]
}

/** The gap `JSON.stringify` indents with: up to ten spaces, or the first ten characters given. */
export function indentGap(indent: number | string): string {
  return typeof indent === 'number'
    ? ' '.repeat(Math.max(0, Math.min(10, indent)))
    : indent.slice(0, 10)
}

/**
 * Lays a JSON value out as `JSON.stringify(value, null, indent)` does (`JSON.stringify` is the
 * oracle: its text is the same), each line starting with `base` after the first, so that the
 * value can be written inside a larger document at that depth.
 */
export function layOutJson(value: unknown, indent: number | string, base = ''): LaidOutJson {
  const gap = indentGap(indent)
  const strings: LaidOutString[] = []
  let text = ''
  const string = (written: string, path: string, key: boolean) => {
    const quoted = JSON.stringify(written)
    strings.push({
      path,
      key,
      value: written,
      start: text.length + 1,
      end: text.length + quoted.length - 1,
    })
    text += quoted
  }
  const write = (node: unknown, path: string, depth: string) => {
    if (typeof node === 'string') {
      string(node, path, false)
      return
    }
    if (node === null || typeof node !== 'object') {
      text += JSON.stringify(node) ?? 'null'
      return
    }
    const inner = depth + gap
    const open = gap === '' ? '' : `\n${inner}`
    const close = gap === '' ? '' : `\n${depth}`
    if (Array.isArray(node)) {
      if (node.length === 0) {
        text += '[]'
        return
      }
      text += '['
      node.forEach((item, index) => {
        text += index === 0 ? open : `,${open}`
        write(item, `${path}[${index}]`, inner)
      })
      text += `${close}]`
      return
    }
    const keys = Object.keys(node)
    if (keys.length === 0) {
      text += '{}'
      return
    }
    text += '{'
    keys.forEach((name, index) => {
      text += index === 0 ? open : `,${open}`
      string(name, `${path}.<key ${name}>`, true)
      text += gap === '' ? ':' : ': '
      write((node as Record<string, unknown>)[name], `${path}.${name}`, inner)
    })
    text += `${close}}`
  }
  write(value, '', base)
  return { text, strings }
}
