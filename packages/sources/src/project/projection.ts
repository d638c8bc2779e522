/**
 * A policy's JSON text as the validator and evaluator read it, made from a file that holds it in
 * another form (inside a template, a JSON string, URL-encoded), and the way back: for every
 * character of the text, where in the file it comes from. Characters copied one for one from
 * the file (the letters of an action name) map exactly; characters the projection writes itself
 * (punctuation, a placeholder for `!Ref Bucket`) map to the whole stretch of the file they
 * stand for.
 */
export interface Projection {
  readonly text: string
  /**
   * Whether the text is held inside a string of the file (Terraform's `jsonencode`, a
   * URL-encoded document), where an edit written as JSON would need escaping to apply.
   */
  readonly quoted: boolean
  /** Where the stretch `[start, end)` of the text comes from in the file, as offsets. */
  toSource(start: number, end: number): SourceStretch
}

export interface SourceStretch {
  readonly start: number
  readonly end: number
  /** Whether each character of the stretch is copied one for one from one run of the file. */
  readonly exact: boolean
}

/** Builds a projection piece by piece. */
export class ProjectionBuilder {
  private readonly chunks: string[] = []
  private readonly starts: number[] = []
  private readonly ends: number[] = []
  private readonly exact: boolean[] = []

  /** Text whose character `i` is written at `offsets[i]` of the file (`offsets` has one more entry: the end). */
  copied(text: string, offsets: readonly number[]): void {
    this.chunks.push(text)
    for (let index = 0; index < text.length; index++) {
      this.starts.push(offsets[index] as number)
      this.ends.push(offsets[index + 1] as number)
      this.exact.push((offsets[index + 1] as number) === (offsets[index] as number) + 1)
    }
  }

  /** Text that stands for the stretch `[start, end)` of the file as a whole. */
  written(text: string, start: number, end: number): void {
    this.chunks.push(text)
    for (let index = 0; index < text.length; index++) {
      this.starts.push(start)
      this.ends.push(end)
      this.exact.push(false)
    }
  }

  build(quoted = false): Projection {
    const text = this.chunks.join('')
    const { starts, ends, exact } = this
    const last = text.length
    return {
      text,
      quoted,
      toSource(start, end) {
        const from = Math.max(0, Math.min(start, last))
        const to = Math.max(from, Math.min(end, last))
        if (last === 0) return { start: 0, end: 0, exact: false }
        if (from === to) {
          const at = from < last ? (starts[from] as number) : (ends[last - 1] as number)
          const copied = from < last ? exact[from] === true : exact[last - 1] === true
          return { start: at, end: at, exact: copied }
        }
        let copied = true
        for (let index = from; index < to && copied; index++) {
          copied = exact[index] === true && (index === from || starts[index] === ends[index - 1])
        }
        const sourceStart = from < last ? (starts[from] as number) : (ends[last - 1] as number)
        return {
          start: sourceStart,
          end: Math.max(sourceStart, ends[to - 1] as number),
          exact: copied,
        }
      },
    }
  }
}

/** The projection of a text that is the file itself (a policy file): every offset maps to itself. */
export function wholeFileProjection(text: string): Projection {
  return {
    text,
    quoted: false,
    toSource(start, end) {
      const from = Math.max(0, Math.min(start, text.length))
      return { start: from, end: Math.max(from, Math.min(end, text.length)), exact: true }
    },
  }
}
