import type { Located } from '../model/index.ts'

interface Wildcard {
  readonly value: Located<string>
  readonly folded: string
  readonly matches: (text: string) => boolean
  /** Its place among the wildcard values, which decides which of two covers a value. */
  readonly rank: number
}

const wildcardCharacters = /[*?]/

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
 * whose part holds a wildcard, in their order. A policy with thousands of values (as AWS
 * managed read-only policies have) costs the number of values times the wildcards of one
 * service, not of all.
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
  const byScope = new Map<string, Wildcard[]>()
  const anywhere: Wildcard[] = []
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
      anywhere.push(wildcard)
      return
    }
    const filed = byScope.get(scope)
    if (filed === undefined) byScope.set(scope, [wildcard])
    else filed.push(wildcard)
  })
  for (const [folded, value] of first) {
    const hasWildcards = wildcardCharacters.test(folded)
    const own = byScope.get(scopeOf(folded, scopeColons)) ?? []
    // the two lists merged by rank: the first wildcard in the list's order decides
    let ownIndex = 0
    let anywhereIndex = 0
    while (ownIndex < own.length || anywhereIndex < anywhere.length) {
      const fromOwn = own[ownIndex]
      const fromAnywhere = anywhere[anywhereIndex]
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
