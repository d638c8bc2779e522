import { adversarialCase } from './adversarial-family.ts'
import type { FuzzBases } from './bases.ts'
import type { FuzzCase } from './fuzz-case.ts'
import { mutatedCase } from './mutated-family.ts'
import { randomCase } from './random-family.ts'
import { rngFor } from './rng.ts'

/** How inputs are shared among the families, and how far the scaled ones go. */
export interface CaseOptions {
  /** Shares of random, mutated and adversarial inputs; they need not add up to one. */
  readonly weights: {
    readonly random: number
    readonly mutated: number
    readonly adversarial: number
  }
  /** The largest count a mutation or an adversarial family repeats its unit. */
  readonly maxScale: number
}

export const defaultCaseOptions: CaseOptions = {
  weights: { random: 0.35, mutated: 0.5, adversarial: 0.15 },
  maxScale: 20_000,
}

/**
 * Input `index` of the run seeded `seed`: made from these two numbers (and the bases) alone, so
 * that the runner can make again the input a worker hung on, and a finding can be replayed.
 */
export function caseAt(
  seed: number,
  index: number,
  bases: FuzzBases,
  options: CaseOptions = defaultCaseOptions,
): FuzzCase {
  const rng = rngFor(seed, index)
  const { random, mutated, adversarial } = options.weights
  const draw = rng.next() * (random + mutated + adversarial)
  if (draw < random) return randomCase(rng)
  if (draw < random + mutated) return mutatedCase(rng, bases, options.maxScale)
  return adversarialCase(rng, bases, options.maxScale)
}
