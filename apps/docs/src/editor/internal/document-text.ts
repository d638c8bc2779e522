/**
 * The text of the document being edited: the whole string, or a function reading a slice of it
 * (CodeMirror's `state.sliceDoc`). A slice function must clamp as `String.prototype.slice`
 * does, giving less text, not an error, past the end of the document.
 */
export type DocumentText = string | ((from: number, to: number) => string)

/** Reading a document by slices, for a whole string and a slice function alike. */
export interface DocumentReader {
  readonly slice: (from: number, to: number) => string
  /** The character at a position, or `''` outside the document. */
  readonly charAt: (position: number) => string
  /** Where the line holding a position starts and ends (its line break left out). */
  readonly lineAround: (position: number) => { readonly from: number; readonly to: number }
  /**
   * The last character before `position` that is not JSON whitespace, with its position, or
   * undefined when there is none.
   */
  readonly significantBefore: (
    position: number,
  ) => { readonly char: string; readonly at: number } | undefined
}

// Lines are read in chunks, so that a slice function is called a few times per line, not once
// per character; policies printed on one line of several kilobytes stay cheap.
const chunk = 512

const isJsonWhitespace = (char: string) =>
  char === ' ' || char === '\n' || char === '\r' || char === '\t'

/** A reader over a document given as a string or as a slice function. */
export function documentReader(text: DocumentText): DocumentReader {
  const slice =
    typeof text === 'string'
      ? (from: number, to: number) => text.slice(Math.max(0, from), Math.max(0, to))
      : (from: number, to: number) => {
          const start = Math.max(0, from)
          const end = Math.max(start, to)
          return end > start ? text(start, end) : ''
        }

  const lineStart = (position: number): number => {
    let end = position
    while (end > 0) {
      const start = Math.max(0, end - chunk)
      const piece = slice(start, end)
      const newline = piece.lastIndexOf('\n')
      if (newline >= 0) return start + newline + 1
      end = start
    }
    return 0
  }

  const lineEnd = (position: number): number => {
    let start = position
    for (;;) {
      const piece = slice(start, start + chunk)
      const newline = piece.indexOf('\n')
      if (newline >= 0) return start + newline
      // a short piece is the end of the document
      if (piece.length < chunk) return start + piece.length
      start += chunk
    }
  }

  const significantBefore = (position: number) => {
    let end = position
    while (end > 0) {
      const start = Math.max(0, end - chunk)
      const piece = slice(start, end)
      for (let index = piece.length - 1; index >= 0; index--) {
        const char = piece.charAt(index)
        if (!isJsonWhitespace(char)) return { char, at: start + index }
      }
      end = start
    }
    return undefined
  }

  return {
    slice,
    charAt: (position) => (position < 0 ? '' : slice(position, position + 1)),
    lineAround: (position) => ({ from: lineStart(position), to: lineEnd(position) }),
    significantBefore,
  }
}
