import type { DiagnosticCode } from '../../model/index.ts'

/** The kinds of token: punctuation, literals, a bare word (not JSON), and the end of the text. */
export type TokenType =
  | '{'
  | '}'
  | '['
  | ']'
  | ':'
  | ','
  | 'string'
  | 'number'
  | 'true'
  | 'false'
  | 'null'
  | 'word'
  | 'end'

/** One token, at UTF-16 offsets; `end` is just past its last character. */
export interface Token {
  readonly type: TokenType
  readonly start: number
  readonly end: number
  /** The decoded value of a string; the text as written of any other token. */
  readonly text: string
}

/** Where the scanner and parser report a syntax error, at UTF-16 offsets. */
export type SyntaxReport = (
  code: DiagnosticCode,
  message: string,
  start: number,
  end: number,
) => void
