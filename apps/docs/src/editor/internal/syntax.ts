import type { SyntaxNode, Tree } from '@lezer/common'
import type { DocumentReader } from './document-text.ts'

/** One step of a path into a policy: a property's name or an array element's index. */
export type PathStep = string | number

/** The node names of @lezer/json's grammar that are JSON values. */
const valueNames: ReadonlySet<string> = new Set([
  'String',
  'Number',
  'True',
  'False',
  'Null',
  'Object',
  'Array',
])

/** Whether a node is a JSON value of the grammar (not punctuation, a name or an error). */
export const isValueNode = (node: SyntaxNode): boolean => valueNames.has(node.name)

/** The direct children of a node, in order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = []
  for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child)
  return children
}

/**
 * The text a JSON string token stands for, escapes decoded. A string that does not decode (an
 * escape cut short while typing) is read as written between its quotes, so that a name being
 * typed is still a name.
 */
export function decodeString(raw: string): string {
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value === 'string') return value
  } catch {
    // read as written below
  }
  const inner = raw.startsWith('"') ? raw.slice(1) : raw
  return inner.endsWith('"') && inner.length > 0 ? inner.slice(0, -1) : inner
}

/** The decoded text of a `String` or `PropertyName` node. */
export function stringOf(node: SyntaxNode, reader: DocumentReader): string {
  return decodeString(reader.slice(node.from, node.to))
}

/** The name of a `Property` node, or undefined when the parser found none. */
export function propertyKey(property: SyntaxNode, reader: DocumentReader): string | undefined {
  const name = property.getChild('PropertyName')
  return name === null ? undefined : stringOf(name, reader)
}

/** The value of a `Property` node: the first value after its colon. */
export function propertyValue(property: SyntaxNode): SyntaxNode | undefined {
  let afterColon = false
  for (const child of childrenOf(property)) {
    if (child.name === ':') afterColon = true
    else if (afterColon && isValueNode(child)) return child
  }
  return undefined
}

/** The properties of an `Object` node with their names, in order. */
export function propertiesOf(
  object: SyntaxNode,
  reader: DocumentReader,
): { readonly key: string; readonly node: SyntaxNode }[] {
  return object.getChildren('Property').flatMap((node) => {
    const key = propertyKey(node, reader)
    return key === undefined ? [] : [{ key, node }]
  })
}

const isPunctuation = (node: SyntaxNode) =>
  node.name === '[' || node.name === ']' || node.name === ','

/**
 * The element of each comma-separated slot of an `Array` node: its first value, error or not,
 * by slot number. Slots are counted by commas, so that an element being typed (an error to the
 * parser) keeps the index it will have.
 */
function arraySlots(array: SyntaxNode): (SyntaxNode | undefined)[] {
  const items: (SyntaxNode | undefined)[] = []
  let slot = 0
  for (const child of childrenOf(array)) {
    if (child.name === ',') slot++
    else if (!isPunctuation(child) && child.to > child.from) items[slot] ??= child
  }
  return items
}

/**
 * The index an element of an `Array` node starting at `position` has: the commas before it,
 * and one more when an element without a comma after it comes first (a comma not typed yet).
 */
export function indexAt(array: SyntaxNode, position: number): number {
  let slot = 0
  let slotHasItem = false
  for (const child of childrenOf(array)) {
    if (child.from >= position) break
    if (child.name === ',') {
      slot++
      slotHasItem = false
    } else if (!isPunctuation(child) && child.to > child.from && child.to <= position) {
      slotHasItem = true
    }
  }
  return slotHasItem ? slot + 1 : slot
}

/**
 * The keys and indices from the document's top value to a node. A `Property` node's own name
 * is the last step of its path; an `Object` or `Array` node's path is that of the value it is.
 */
export function pathOf(node: SyntaxNode, reader: DocumentReader): PathStep[] {
  const path: PathStep[] = []
  let current: SyntaxNode | null = node
  while (current !== null) {
    const parent: SyntaxNode | null = current.parent
    if (current.name === 'Property') path.unshift(propertyKey(current, reader) ?? '')
    else if (parent?.name === 'Array') path.unshift(indexAt(parent, current.from))
    current = parent
  }
  return path
}

/** The document's top value, when it is one the parser recognised. */
function topValue(tree: Tree): SyntaxNode | undefined {
  return childrenOf(tree.topNode).find(isValueNode)
}

/**
 * The value at a path, or undefined when the document has none there. Of properties given
 * twice, the last is read, as `JSON.parse` does.
 */
export function valueAt(
  tree: Tree,
  reader: DocumentReader,
  path: readonly PathStep[],
): SyntaxNode | undefined {
  let node = topValue(tree)
  for (const step of path) {
    if (node === undefined) return undefined
    if (typeof step === 'string') {
      if (node.name !== 'Object') return undefined
      const property = propertiesOf(node, reader).findLast(({ key }) => key === step)
      node = property === undefined ? undefined : propertyValue(property.node)
    } else {
      if (node.name !== 'Array') return undefined
      const item = arraySlots(node)[step]
      node = item !== undefined && isValueNode(item) ? item : undefined
    }
  }
  return node
}

/**
 * The strings a value holds: itself when it is a string, its string elements when it is an
 * array (elements of other kinds are passed over), nothing otherwise.
 */
export function stringsOf(node: SyntaxNode | undefined, reader: DocumentReader): string[] {
  if (node === undefined) return []
  if (node.name === 'String') return [stringOf(node, reader)]
  if (node.name !== 'Array') return []
  return node.getChildren('String').map((item) => stringOf(item, reader))
}
