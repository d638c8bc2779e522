import type { PolicyType } from '@connect-policy/core'

/** Where the inputs come from. */
export const families = ['random', 'mutated', 'adversarial'] as const
export type Family = (typeof families)[number]

/**
 * Where a policy under test is put in the set evaluated with it: alone, beside a policy that
 * allows everything, or as a layer that must also allow (boundary, session, SCP, RCP, the
 * resource's own policy). A policy that cannot be read must never let the Allow through.
 */
export const placements = [
  'alone',
  'beside-allow-all',
  'boundary',
  'session',
  'scp-level',
  'rcp-level',
  'resource-policy',
] as const
export type Placement = (typeof placements)[number]

/** The policy type a policy is validated as, by where it is put. */
export const policyTypeOf: Readonly<Record<Placement, PolicyType>> = {
  alone: 'identity',
  'beside-allow-all': 'identity',
  boundary: 'permissionsBoundary',
  session: 'session',
  'scp-level': 'serviceControl',
  'rcp-level': 'resourceControl',
  'resource-policy': 'resource',
}

/** The modules whose exported functions are called. */
export const modules = ['core', 'catalog', 'samples', 'audit'] as const
export type ModuleName = (typeof modules)[number]

interface Origin {
  readonly family: Family
  /** The generator that made the input, such as `digit-run` or `mutated-managed`. */
  readonly generator: string
  /** What the input is, in a few words, for reports: `NumericLessThan with 40,000 digits`. */
  readonly shape: string
}

/**
 * A policy (text, a JSON object or anything at all) sent through every entry point that takes
 * one: parse, print, validate (core, and the catalog's with the whole reference), describe,
 * compile and evaluate in a placement, evaluate directly.
 */
export interface PolicyCase extends Origin {
  readonly kind: 'policy'
  readonly policy: unknown
  readonly request: unknown
  readonly placement: Placement
  readonly explain: boolean
}

/** A whole policy set and a request, compiled and evaluated, and evaluated directly. */
export interface SetCase extends Origin {
  readonly kind: 'set'
  readonly set: unknown
  readonly request: unknown
  readonly explain: boolean
}

/** A request against one of the documented examples' corrected policies. */
export interface RequestCase extends Origin {
  readonly kind: 'request'
  /** The sample whose corrected policy decides (an index into the samples with one). */
  readonly sample: number
  readonly request: unknown
  readonly explain: boolean
}

/** One exported function called with any arguments. */
export interface CallCase extends Origin {
  readonly kind: 'call'
  readonly module: ModuleName
  readonly name: string
  readonly args: readonly unknown[]
}

/** One of the matchers with a pattern and a text. */
export interface MatchCase extends Origin {
  readonly kind: 'match'
  readonly matcher: 'actionMatch' | 'resourceMatch' | 'wildcardMatch'
  readonly pattern: unknown
  readonly text: unknown
}

/** A documented example, altered, through the samples package's functions. */
export interface SampleCase extends Origin {
  readonly kind: 'sample'
  readonly sample: unknown
  readonly expectation: unknown
}

export type FuzzCase = PolicyCase | SetCase | RequestCase | CallCase | MatchCase | SampleCase
