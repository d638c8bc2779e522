import type { Catalog } from '@connect-policy/core'
import type { Tree } from '@lezer/common'
import { parser } from '@lezer/json'
import { type PolicyHover, policyHover } from '../editor/index.ts'
import type { MappedPolicyText } from './run.ts'

/** What each policy text needs for hovering, made once per text of an answer. */
interface Prepared {
  readonly tree: Tree
  /** From a file offset to the index of the text's character copied from there. */
  readonly indexOf: ReadonlyMap<number, number>
}

const prepared = new WeakMap<MappedPolicyText, Prepared>()

function prepare(mapped: MappedPolicyText): Prepared {
  let found = prepared.get(mapped)
  if (found === undefined) {
    const indexOf = new Map<number, number>()
    mapped.offsets.forEach((offset, index) => {
      if (offset >= 0) indexOf.set(offset, index)
    })
    found = { tree: parser.parse(mapped.text), indexOf }
    prepared.set(mapped, found)
  }
  return found
}

/**
 * What to show over a position of a file that holds policies (a template, a plan, an account
 * export): the policy editor's hover for the policy text the character under the position was
 * copied into, placed back over the file's characters. Undefined over anything else, and over
 * characters the reading wrote itself.
 */
export function sourceHover(
  texts: readonly MappedPolicyText[],
  position: number,
  catalog: Catalog,
): PolicyHover | undefined {
  for (const mapped of texts) {
    const { tree, indexOf } = prepare(mapped)
    const index = indexOf.get(position)
    if (index === undefined) continue
    const shown = policyHover(tree, mapped.text, index, catalog)
    if (shown === undefined) return undefined
    const from = mapped.offsets[shown.from] ?? -1
    const last = mapped.offsets[shown.to - 1] ?? -1
    // a word copied in one run keeps its place; one the reading put together is shown at the
    // character under the position
    const inOneRun = from >= 0 && last - from === shown.to - 1 - shown.from
    return inOneRun
      ? { ...shown, from, to: last + 1 }
      : { ...shown, from: position, to: position + 1 }
  }
  return undefined
}
