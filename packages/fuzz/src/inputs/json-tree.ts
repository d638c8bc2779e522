/**
 * JSON as mutations need it: objects as ordered entries (so a key may appear twice, as in a
 * text AWS would reject), and raw text for what a JavaScript value cannot hold (a number of
 * 40,000 digits, `1e999`, 100,000 nested brackets).
 */
export type Tree = null | boolean | number | string | Raw | Entries | Tree[]

/** Text written as it is. */
export class Raw {
  constructor(readonly text: string) {}
}

/** An object's members in order; a key may repeat. */
export class Entries {
  constructor(readonly entries: [string, Tree][]) {}
}

/** The tree of a value `JSON.parse` made. */
export function toTree(value: unknown): Tree {
  if (Array.isArray(value)) return value.map(toTree)
  if (typeof value === 'object' && value !== null) {
    return new Entries(Object.entries(value).map(([key, member]) => [key, toTree(member)]))
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }
  return null
}

/** The JSON text of a tree, compact or indented by two spaces. */
export function writeJson(tree: Tree, indent: boolean): string {
  const parts: string[] = []
  const write = (node: Tree, depth: number): void => {
    const newline = indent ? `\n${'  '.repeat(depth + 1)}` : ''
    const close = indent ? `\n${'  '.repeat(depth)}` : ''
    if (node instanceof Raw) parts.push(node.text)
    else if (node instanceof Entries) {
      if (node.entries.length === 0) {
        parts.push('{}')
        return
      }
      parts.push('{')
      node.entries.forEach(([key, value], index) => {
        parts.push(index === 0 ? newline : `,${newline}`, JSON.stringify(key), indent ? ': ' : ':')
        write(value, depth + 1)
      })
      parts.push(close, '}')
    } else if (Array.isArray(node)) {
      if (node.length === 0) {
        parts.push('[]')
        return
      }
      parts.push('[')
      node.forEach((value, index) => {
        parts.push(index === 0 ? newline : `,${newline}`)
        write(value, depth + 1)
      })
      parts.push(close, ']')
    } else parts.push(JSON.stringify(node))
  }
  write(tree, 0)
  return parts.join('')
}

/** A place in a tree that holds a value, to read and replace it. */
export interface Slot {
  /** The key (for a member) or the index (for an array item); `undefined` for the root. */
  readonly key: string | number | undefined
  /** The member names from the root, `[]` for items. */
  readonly path: readonly string[]
  get(): Tree
  set(value: Tree): void
}

/** A tree held so that its root can be replaced too. */
export interface Holder {
  root: Tree
}

/** Every slot of the tree, the root first, at most `limit` of them. */
export function slotsOf(holder: Holder, limit = 5000): Slot[] {
  const slots: Slot[] = [
    {
      key: undefined,
      path: [],
      get: () => holder.root,
      set: (value) => {
        holder.root = value
      },
    },
  ]
  for (let at = 0; at < slots.length && slots.length < limit; at++) {
    const slot = slots[at] as Slot
    const node = slot.get()
    if (node instanceof Entries) {
      node.entries.forEach((entry, index) => {
        slots.push({
          key: entry[0],
          path: [...slot.path, entry[0]],
          get: () => (node.entries[index] ?? entry)[1],
          set: (value) => {
            const current = node.entries[index]
            if (current !== undefined) current[1] = value
          },
        })
      })
    } else if (Array.isArray(node)) {
      node.forEach((_, index) => {
        slots.push({
          key: index,
          path: slot.path,
          get: () => node[index] as Tree,
          set: (value) => {
            node[index] = value
          },
        })
      })
    }
  }
  return slots.slice(0, limit)
}
