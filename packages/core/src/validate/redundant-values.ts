import type { Located } from '../model/index.ts'

interface Wildcard {
  readonly value: Located<string>
  readonly folded: string
  readonly matches: (text: string) => boolean
  /** Its place among the wildcard values, which decides which of two covers a value. */
  readonly rank: number
}

const wildcardCharacters = /[*?]/
/** What a matcher reads as other than itself: wildcards, and the literal `*` and `?` of `${*}`, `${?}`. */
const specialCharacters = /[*?\uE000\uE001]/

/** The wildcard values whose literal head is the text read so far, and the heads longer by one character. */
interface HeadNode {
  readonly next: Map<string, HeadNode>
  readonly wildcards: Wildcard[]
}

/**
 * Files a wildcard value by its head, the text before its first character that is not a plain
 * one: a pattern matches only texts that start with its head, so a value need be tried only
 * against the wildcards whose heads it starts with, found in one walk along it.
 */
function fileByHead(root: HeadNode, wildcard: Wildcard): void {
  const special = wildcard.folded.search(specialCharacters)
  const head = special < 0 ? wildcard.folded : wildcard.folded.slice(0, special)
  let node = root
  for (let index = 0; index < head.length; index++) {
    const character = head[index] as string
    let next = node.next.get(character)
    if (next === undefined) {
      next = { next: new Map(), wildcards: [] }
      node.next.set(character, next)
    }
    node = next
  }
  node.wildcards.push(wildcard)
}

/** The filed wildcards whose heads `folded` starts with, by rank. */
function wildcardsAt(root: HeadNode, folded: string): readonly Wildcard[] {
  // most values reach one list of wildcards, in rank order already: it is not copied
  let found: readonly Wildcard[] = root.wildcards
  let merged: Wildcard[] | undefined
  let node: HeadNode | undefined = root
  for (let index = 0; index < folded.length; index++) {
    node = node.next.get(folded[index] as string)
    if (node === undefined) break
    if (node.wildcards.length === 0) continue
    if (found.length === 0) found = node.wildcards
    else {
      merged ??= [...found]
      for (const wildcard of node.wildcards) merged.push(wildcard)
    }
  }
  return merged === undefined ? found : merged.sort((a, b) => a.rank - b.rank)
}

/**
 * The part of a folded value before its `colons`-th colon (all of it when it has fewer): a
 * wildcard value whose such part is plain text can only cover values that start with the same
 * part, since that part and the colon after it must then be matched literally.
 */
function scopeOf(folded: string, colons: number): string {
  let end = -1
  for (let count = 0; count < colons; count++) {
    end = folded.indexOf(':', end + 1)
    if (end < 0) return folded
  }
  return folded.slice(0, end)
}

/** Wildcards a list holds before it files them by head: scanning a few costs less. */
const scannedAtMost = 16

/**
 * Wildcards a value is tried against, at most, the first by rank: thousands of values under one
 * head (`arn:aws:s3:::*-1`, `arn:aws:s3:::*-2`, …) would otherwise try each other in pairs, a
 * 20 KB policy costing 150 ms. A value covered only by a wildcard past these is not reported:
 * a redundancy missed, never one made up.
 */
const triedAtMost = 64

/** Wildcard values in their order, filed by head once they are many. */
interface Filed {
  readonly list: Wildcard[]
  heads?: HeadNode
}

/** The wildcards of a list that may match `folded`, by rank. */
function candidates(filed: Filed | undefined, folded: string): readonly Wildcard[] {
  if (filed === undefined) return []
  if (filed.list.length <= scannedAtMost) return filed.list
  if (filed.heads === undefined) {
    const heads: HeadNode = { next: new Map(), wildcards: [] }
    for (const wildcard of filed.list) fileByHead(heads, wildcard)
    filed.heads = heads
  }
  return wildcardsAt(filed.heads, folded)
}

/**
 * For each value of a list, the earlier or wider value that already covers it, if any: two equal
 * values make the later one redundant; a value matched by another's wildcards is redundant.
 * `fold` gives the form values are compared in, `matcher` compiles a wildcard value into a test
 * of another value's text. Values holding policy variables are left alone. A value with
 * wildcards is covered only by values whose stars can stand for its stars, so a `?` never
 * covers a `*`.
 *
 * `scopeColons` says how much of a value its wildcards cannot reach past when they come after it
 * (1 for actions: the service prefix; 3 for ARNs: `arn:partition:service`): wildcard values are
 * filed by that part, and each value is tried only against those of its own part and those
 * whose part holds a wildcard, in their order. Where those are many (thousands of
 * `arn:aws:s3:::bucket-…/*`), only those whose heads the value starts with (`fileByHead`). A
 * policy with thousands of values (as AWS managed read-only policies have) costs the number of
 * values times the wildcards that may match each, not times all the wildcards, and at most
 * `triedAtMost` of them.
 */
export function redundantValues(
  values: readonly Located<string>[],
  fold: (text: string) => string,
  matcher: (pattern: string) => (text: string) => boolean,
  scopeColons: number,
): Map<Located<string>, Located<string>> {
  const found = new Map<Located<string>, Located<string>>()
  const first = new Map<string, Located<string>>()
  const positions = new Map<Located<string>, number>()
  const byScope = new Map<string, Filed>()
  const anywhere: Filed = { list: [] }
  const wildcardOf = new Map<Located<string>, Wildcard>()
  values.forEach((value, position) => {
    positions.set(value, position)
    if (value.value.includes('${')) return
    const folded = fold(value.value)
    const earlier = first.get(folded)
    if (earlier !== undefined) {
      found.set(value, earlier)
      return
    }
    first.set(folded, value)
    if (!wildcardCharacters.test(folded)) return
    const wildcard = { value, folded, matches: matcher(folded), rank: wildcardOf.size }
    wildcardOf.set(value, wildcard)
    const scope = scopeOf(folded, scopeColons)
    if (wildcardCharacters.test(scope)) {
      anywhere.list.push(wildcard)
      return
    }
    const filed = byScope.get(scope)
    if (filed === undefined) byScope.set(scope, { list: [wildcard] })
    else filed.list.push(wildcard)
  })
  for (const [folded, value] of first) {
    const hasWildcards = wildcardCharacters.test(folded)
    const own = candidates(byScope.get(scopeOf(folded, scopeColons)), folded)
    const elsewhere = candidates(anywhere, folded)
    // the two lists merged by rank: the first wildcard in the list's order decides
    let ownIndex = 0
    let anywhereIndex = 0
    while (
      (ownIndex < own.length || anywhereIndex < elsewhere.length) &&
      ownIndex + anywhereIndex < triedAtMost
    ) {
      const fromOwn = own[ownIndex]
      const fromAnywhere = elsewhere[anywhereIndex]
      const wide =
        fromAnywhere === undefined || (fromOwn !== undefined && fromOwn.rank < fromAnywhere.rank)
          ? (fromOwn as Wildcard)
          : fromAnywhere
      if (wide === fromOwn) ownIndex++
      else anywhereIndex++
      if (wide.value === value) continue
      if (hasWildcards && wide.folded.includes('?')) continue
      if (!wide.matches(folded)) continue
      // two patterns that cover each other are equal in effect: keep the first
      const mutual = hasWildcards && wildcardOf.get(value)?.matches(wide.folded) === true
      if (mutual && (positions.get(value) ?? 0) < (positions.get(wide.value) ?? 0)) continue
      found.set(value, wide.value)
      break
    }
  }
  return found
}
