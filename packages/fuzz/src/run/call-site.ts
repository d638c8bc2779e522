/** What a call gave back when it threw. */
export const thrown: unique symbol = Symbol('thrown')
export type Thrown = typeof thrown

/** Kinds of findings: each breaks a promise the exported functions make. */
export const findingKinds = [
  'crash',
  'hang',
  'slow',
  'oversize',
  'malformed-allow',
  'mismatch',
] as const
export type FindingKind = (typeof findingKinds)[number]

/**
 * Where a case's calls are made: the worker times each one, catches what it throws and measures
 * its answer; the case itself only says what to call and what must hold.
 */
export interface CallSite {
  /**
   * Calls `run`, timed, and returns its value, or `thrown` when it threw (a crash, recorded).
   * `fresh` prepares the same call again from scratch, untimed, for the repeats that confirm a
   * slow call (a compiled set remembers what it has looked up, so a repeat on the same one would
   * be quicker than the call was).
   */
  call<T>(target: string, run: () => T, fresh?: () => () => T): T | Thrown
  /** A finding about the case rather than one call's time or exception. */
  report(kind: 'malformed-allow' | 'mismatch', target: string, detail: string): void
}
