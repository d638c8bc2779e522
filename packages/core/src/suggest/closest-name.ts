/** Edit distance (insertions, deletions, substitutions), ignoring case. */
function distance(a: string, b: string): number {
  const left = a.toLowerCase()
  const right = b.toLowerCase()
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let i = 1; i <= left.length; i++) {
    const current = [i]
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[right.length] ?? 0
}

/**
 * The known name closest to what was written, when it is close enough to be a likely slip: the
 * same name in another case, or at most two edits away (one for names of three or four
 * letters, none for shorter ones). Names longer than 64 characters get no suggestion, which keeps this cheap.
 */
export function closestName(written: string, known: readonly string[]): string | undefined {
  if (written.length > 64) return undefined
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const name of known) {
    const found = distance(written, name)
    if (found < bestDistance) {
      best = name
      bestDistance = found
    }
  }
  const limit = written.length <= 2 ? 0 : written.length <= 4 ? 1 : 2
  return bestDistance <= limit ? best : undefined
}

/** `: did you mean \`Name\`` when a known name is close to what was written, else nothing. */
export function didYouMean(written: string, known: readonly string[]): string {
  const name = closestName(written, known)
  return name === undefined || name === written ? '' : `: did you mean \`${name}\``
}
