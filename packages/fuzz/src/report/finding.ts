import type { Family } from '../inputs/fuzz-case.ts'
import type { SizeClass } from '../inputs/size.ts'
import type { FindingKind } from '../run/call-site.ts'

/** One finding with the input that met it, as saved for pinning. */
export interface Finding {
  readonly kind: FindingKind
  /** What findings of the same cause share: kind, target, and the error or generator. */
  readonly signature: string
  readonly target: string
  readonly family: Family
  readonly generator: string
  readonly shape: string
  readonly seed: number
  readonly index: number
  readonly size: number
  readonly sizeClass: SizeClass
  /** For slow calls and hangs: the call's time (the least of the repeats), in ms. */
  readonly ms?: number
  /** For oversize answers: the answer's characters and the bound it went over. */
  readonly answerChars?: number
  readonly bound?: number
  readonly error?: { readonly name: string; readonly message: string; readonly stack: string }
  readonly detail: string
  /** The case as generated, written by `encode` (`decode` gives it back). */
  readonly input: unknown
  /** A smaller case that still meets the finding, when one was found in the time allowed. */
  readonly minimised?: { readonly input: unknown; readonly size: number; readonly ms?: number }
}
