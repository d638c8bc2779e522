import { Entries, type Holder, slotsOf, type Tree, toTree, writeJson } from '../inputs/json-tree.ts'

/**
 * The smallest text found before `deadline` (a `performance.now()` time) for which `holds` is
 * still true: first, when the text is JSON, by removing members and items and halving strings
 * in its tree; then by delta debugging its characters (removing ever smaller chunks). `holds`
 * is true of `text`; the result is never longer than it.
 */
export function minimiseText(
  text: string,
  holds: (candidate: string) => boolean,
  deadline: number,
): string {
  let best = text
  const expired = () => performance.now() > deadline
  const accept = (candidate: string): boolean => {
    if (candidate.length >= best.length || expired()) return false
    if (!holds(candidate)) return false
    best = candidate
    return true
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (parsed !== undefined) {
    const holder: Holder = { root: toTree(parsed) }
    accept(writeJson(holder.root, false))
    if (best !== text) best = shrinkTree(holder, accept, expired)
  }
  return shrinkCharacters(best, accept, expired)
}

/** Removes members and items, and shortens strings, while the written tree still holds. */
function shrinkTree(
  holder: Holder,
  accept: (candidate: string) => boolean,
  expired: () => boolean,
): string {
  let written = writeJson(holder.root, false)
  let changed = true
  while (changed && !expired()) {
    changed = false
    for (const slot of slotsOf(holder, 2000).reverse()) {
      if (expired()) break
      const value = slot.get()
      const containers: (Entries | Tree[])[] = []
      if (value instanceof Entries || Array.isArray(value)) containers.push(value)
      for (const container of containers) {
        const items = container instanceof Entries ? container.entries : container
        // remove halves, then single members
        for (let size = Math.ceil(items.length / 2); size >= 1; size = Math.floor(size / 2)) {
          for (let start = 0; start + size <= items.length && !expired(); ) {
            const removed = items.splice(start, size)
            const candidate = writeJson(holder.root, false)
            if (accept(candidate)) {
              written = candidate
              changed = true
            } else {
              items.splice(start, 0, ...(removed as never[]))
              start += size
            }
          }
        }
      }
      if (typeof value === 'string' && value.length > 1) {
        for (const shorter of [value.slice(0, value.length >> 1), value.slice(value.length >> 1)]) {
          slot.set(shorter)
          const candidate = writeJson(holder.root, false)
          if (accept(candidate)) {
            written = candidate
            changed = true
            break
          }
          slot.set(value)
        }
      }
    }
  }
  return written
}

/** Delta debugging on characters: removes chunks, from halves down to single characters. */
function shrinkCharacters(
  text: string,
  accept: (candidate: string) => boolean,
  expired: () => boolean,
): string {
  let current = text
  let chunks = 2
  while (current.length > 0 && !expired()) {
    const size = Math.ceil(current.length / chunks)
    let removedOne = false
    for (let start = 0; start < current.length && !expired(); start += size) {
      const candidate = current.slice(0, start) + current.slice(start + size)
      if (accept(candidate)) {
        current = candidate
        removedOne = true
        break
      }
    }
    if (removedOne) {
      chunks = Math.max(2, chunks - 1)
      continue
    }
    if (size <= 1) break
    chunks = Math.min(current.length, chunks * 2)
  }
  return current
}

/** The path of the longest string in a value (at most 10,000 nodes looked at), or `undefined`. */
export function longestStringPath(value: unknown): (string | number)[] | undefined {
  let best: (string | number)[] | undefined
  let bestLength = -1
  let visited = 0
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (visited++ > 10_000) return
    if (typeof node === 'string') {
      if (node.length > bestLength) {
        best = path
        bestLength = node.length
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => {
        walk(item, [...path, index])
      })
    } else if (
      typeof node === 'object' &&
      node !== null &&
      Object.getPrototypeOf(node) === Object.prototype
    ) {
      for (const [key, item] of Object.entries(node)) walk(item, [...path, key])
    }
  }
  walk(value, [])
  return best
}

/** A copy of `value` (plain objects and arrays copied along the path) with `path` set to `text`. */
export function withStringAt(
  value: unknown,
  path: readonly (string | number)[],
  text: string,
): unknown {
  if (path.length === 0) return text
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  if (Array.isArray(value)) {
    const copy = [...value]
    copy[head as number] = withStringAt(value[head as number], rest, text)
    return copy
  }
  const record = value as Record<string, unknown>
  return { ...record, [head]: withStringAt(record[head], rest, text) }
}

/** The string at `path`. */
export function stringAt(value: unknown, path: readonly (string | number)[]): string {
  let node = value
  for (const key of path) node = (node as Record<string | number, unknown>)[key]
  return node as string
}
