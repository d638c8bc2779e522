/**
 * Edit distance (insertions, deletions, substitutions) between two lower-case texts, or any
 * number above `limit` once it is sure to exceed it: a row whose every cell is over the limit
 * can only grow. Two rows of `row` are reused, so a comparison allocates nothing.
 */
function boundedDistance(left: string, right: string, limit: number, rows: Uint16Array): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1
  const width = right.length + 1
  let previous = 0
  let current = width
  for (let j = 0; j < width; j++) rows[j] = j
  for (let i = 1; i <= left.length; i++) {
    rows[current] = i
    let smallest = i
    const code = left.charCodeAt(i - 1)
    for (let j = 1; j < width; j++) {
      const substitution =
        (rows[previous + j - 1] as number) + (code === right.charCodeAt(j - 1) ? 0 : 1)
      const deletion = (rows[previous + j] as number) + 1
      const insertion = (rows[current + j - 1] as number) + 1
      const cell = Math.min(deletion, insertion, substitution)
      rows[current + j] = cell
      if (cell < smallest) smallest = cell
    }
    if (smallest > limit) return limit + 1
    previous = current
    current = current === 0 ? width : 0
  }
  return rows[previous + width - 1] as number
}

/**
 * The known name closest to what was written, when it is close enough to be a likely slip: the
 * same name in another case, or at most two edits away (one for names of three or four
 * letters, none for shorter ones). Names longer than 64 characters get no suggestion, which keeps this cheap.
 * Of names equally close, the first known wins. Only distances up to the limit are worked out
 * in full, and names whose length alone puts them beyond it are skipped.
 */
export function closestName(written: string, known: readonly string[]): string | undefined {
  if (typeof written !== 'string' || !Array.isArray(known) || written.length > 64) return undefined
  const limit = written.length <= 2 ? 0 : written.length <= 4 ? 1 : 2
  const folded = written.toLowerCase()
  let rows = new Uint16Array(0)
  let best: string | undefined
  let bestDistance = limit + 1
  for (const name of known) {
    if (typeof name !== 'string') continue
    const candidate = name.toLowerCase()
    if (Math.abs(candidate.length - folded.length) > limit) continue
    if (rows.length < 2 * (candidate.length + 1)) rows = new Uint16Array(2 * (candidate.length + 1))
    const found = boundedDistance(folded, candidate, limit, rows)
    if (found < bestDistance) {
      best = name
      bestDistance = found
      if (found === 0) break
    }
  }
  return best
}

/** `: did you mean \`Name\`` when a known name is close to what was written, else nothing. */
export function didYouMean(written: string, known: readonly string[]): string {
  const name = closestName(written, known)
  return name === undefined || name === written ? '' : `: did you mean \`${name}\``
}
