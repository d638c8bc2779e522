import type { Located } from '../model/index.ts'

/**
 * For each value of a list, the earlier or wider value that already covers it, if any: two equal
 * values make the later one redundant; a value matched by another's wildcards is redundant.
 * `fold` gives the form values are compared in, `matcher` compiles a wildcard value into a test
 * of another value's text. Values holding policy variables are left alone. A value with
 * wildcards is covered only by values whose stars can stand for its stars, so a `?` never
 * covers a `*`. Work is the number of values times the number of wildcard values.
 */
export function redundantValues(
  values: readonly Located<string>[],
  fold: (text: string) => string,
  matcher: (pattern: string) => (text: string) => boolean,
): Map<Located<string>, Located<string>> {
  const found = new Map<Located<string>, Located<string>>()
  const first = new Map<string, Located<string>>()
  const wildcards: { value: Located<string>; folded: string; matches: (t: string) => boolean }[] =
    []
  for (const value of values) {
    if (value.value.includes('${')) continue
    const folded = fold(value.value)
    const earlier = first.get(folded)
    if (earlier !== undefined) {
      found.set(value, earlier)
      continue
    }
    first.set(folded, value)
    if (/[*?]/.test(folded)) wildcards.push({ value, folded, matches: matcher(folded) })
  }
  for (const [folded, value] of first) {
    const hasWildcards = /[*?]/.test(folded)
    for (const wide of wildcards) {
      if (wide.value === value) continue
      if (hasWildcards && wide.folded.includes('?')) continue
      if (!wide.matches(folded)) continue
      // two patterns that cover each other are equal in effect: keep the first
      const mutual = hasWildcards && wildcards.find((w) => w.value === value)?.matches(wide.folded)
      if (mutual && values.indexOf(value) < values.indexOf(wide.value)) continue
      found.set(value, wide.value)
      break
    }
  }
  return found
}
