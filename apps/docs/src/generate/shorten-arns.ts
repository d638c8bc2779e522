/** How one ARN of a table is shown: the start the table's ARNs share elided, what is its own emphasised. */
export interface ShortenedArn {
  /** The ARN in full. */
  readonly arn: string
  /** The table's shared start, shown as an ellipsis; empty when the ARN does not begin with it. */
  readonly elided: string
  /** Shown as it is: the start of an ARN that departs from the shared start, or a whole ARN. */
  readonly plain: string
  /** Shown emphasised: what follows the shared start, or where the ARN departs from it. */
  readonly own: string
}

/** The ARNs of one table as they are shown, and the start most of them share. */
export interface ArnShortening {
  /** The start the table's ARNs share, elided where it begins one; empty when none is. */
  readonly shared: string
  /** Every distinct ARN given, in the order first given. */
  readonly arns: ReadonlyMap<string, ShortenedArn>
}

/** A shorter shared start saves too little width to be worth the reader's decoding it. */
const minimumShared = 20

/**
 * The shared start of a table's ARNs, and how each is shown with it. ARNs are cut only after a
 * `:` or a `/`, so that a shared start never ends inside an ID. The shared start is the longest
 * such start that begins at least half of the distinct ARNs (and two of them), leaving some of
 * each; an ARN that begins with it is shown as an ellipsis then the rest, emphasised; an ARN
 * that does not (another instance, another account) is shown in full, what it shares with the
 * start plain and the rest emphasised. With fewer than two distinct ARNs nothing differs, and
 * with no start of twenty characters or more there is nothing worth eliding: every ARN is shown
 * plain.
 */
export function shortenArns(arns: readonly string[]): ArnShortening {
  const distinct = [...new Set(arns)]
  const shared = sharedStart(distinct)
  const shown = new Map<string, ShortenedArn>()
  for (const arn of distinct) {
    if (shared === '') shown.set(arn, { arn, elided: '', plain: arn, own: '' })
    else if (arn.startsWith(shared) && arn.length > shared.length) {
      shown.set(arn, { arn, elided: shared, plain: '', own: arn.slice(shared.length) })
    } else {
      const common = commonCut(arn, shared)
      shown.set(arn, { arn, elided: '', plain: arn.slice(0, common), own: arn.slice(common) })
    }
  }
  return { shared, arns: shown }
}

/**
 * The ends of the starts of an ARN that stop after a separator, the whole ARN left out; not
 * inside a policy variable, whose `${aws:username}` holds a colon of its own.
 */
function cuts(arn: string): number[] {
  const found: number[] = []
  let inVariable = false
  for (let index = 0; index < arn.length - 1; index++) {
    const char = arn[index]
    if (char === '$' && arn[index + 1] === '{') inVariable = true
    else if (char === '}') inVariable = false
    else if (!inVariable && (char === ':' || char === '/')) found.push(index + 1)
  }
  return found
}

function sharedStart(distinct: readonly string[]): string {
  if (distinct.length < 2) return ''
  const needed = Math.max(2, Math.ceil(distinct.length / 2))
  let best = ''
  let bestCount = 0
  for (const arn of distinct) {
    for (const cut of cuts(arn)) {
      if (cut < best.length || cut < minimumShared) continue
      const start = arn.slice(0, cut)
      const count = distinct.filter((other) => other.length > cut && other.startsWith(start)).length
      if (count < needed) continue
      // the longest start; of two as long, the one more ARNs begin with, then the first met
      if (cut > best.length || count > bestCount) {
        best = start
        bestCount = count
      }
    }
  }
  return best
}

/** How much of an ARN's start, cut after a separator, it has in common with the shared start. */
function commonCut(arn: string, shared: string): number {
  let common = 0
  for (const cut of cuts(arn)) {
    if (cut > shared.length || arn.slice(0, cut) !== shared.slice(0, cut)) break
    common = cut
  }
  return common
}
