/** A stretch of text, by UTF-16 offsets, with the key of what it belongs to. */
export interface Span<Key> {
  readonly start: number
  readonly end: number
  readonly key: Key
}

/** A piece of text between two consecutive span boundaries, with every span that covers it. */
export interface Segment<Key> {
  readonly start: number
  readonly end: number
  readonly keys: readonly Key[]
}

/**
 * Cuts a text into pieces at every span boundary, so that overlapping spans (two errata on the
 * same ARN, a finding inside another) can be drawn without nesting: each piece lists the spans
 * that cover it, in the order given. Spans are clamped to the text; empty ones cover the
 * character they start at, so that a finding at a single place still shows.
 */
export function segments<Key>(length: number, spans: readonly Span<Key>[]): Segment<Key>[] {
  const clamped = spans.map((span) => {
    const start = Math.min(Math.max(0, span.start), Math.max(0, length - 1))
    const end = Math.min(length, Math.max(span.end, start + 1))
    return { ...span, start, end }
  })
  const cuts = new Set([0, length])
  for (const span of clamped) {
    cuts.add(span.start)
    cuts.add(span.end)
  }
  const points = [...cuts].filter((cut) => cut >= 0 && cut <= length).sort((a, b) => a - b)
  const result: Segment<Key>[] = []
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index] ?? 0
    const end = points[index + 1] ?? length
    if (end <= start) continue
    const keys = clamped.filter((span) => span.start < end && span.end > start).map((s) => s.key)
    result.push({ start, end, keys })
  }
  return result
}
