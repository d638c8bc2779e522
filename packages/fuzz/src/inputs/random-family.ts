import { printPolicy } from '@connect-policy/core'
import {
  arbAnyPolicy,
  arbAnyValue,
  arbArnPatternAndText,
  arbIdentityPolicies,
  arbJsonLikeText,
  arbOddText,
  arbPattern,
  arbPatternAndText,
  arbPolicySetWithEveryLayer,
  arbRequest,
  arbRequestWithContext,
  arbText,
  arbWellFormedPolicy,
} from '@connect-policy/core/testing'
import { samples } from '@connect-policy/samples'
import fc from 'fast-check'
import { correctedSamples } from './corrected-samples.ts'
import { exportedFunctions } from './exported.ts'
import { type FuzzCase, modules, placements } from './fuzz-case.ts'
import type { Rng } from './rng.ts'

/** One value of an arbitrary, drawn from the input's own seed. */
export function sampleOf<T>(rng: Rng, arbitrary: fc.Arbitrary<T>): T {
  return fc.sample(arbitrary, { seed: rng.seed(), numRuns: 1 })[0] as T
}

const policyText = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }],
})

/** Arguments for any exported function: anything, JSON, policy-like texts and near misses. */
export const arbArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: arbAnyValue },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: arbJsonLikeText },
  { weight: 1, arbitrary: arbOddText },
  { weight: 1, arbitrary: fc.constant(policyText) },
  { weight: 1, arbitrary: fc.constantFrom(...samples) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        identityPolicies: fc.oneof(fc.constant([policyText]), arbAnyValue),
        catalog: arbAnyValue,
        policyType: fc.oneof(fc.constantFrom('identity', 'resource', 'scp', 'rcp'), arbAnyValue),
        suppress: fc.oneof(fc.constant(['unknown-action']), arbAnyValue),
        action: fc.oneof(fc.constant('connect:DescribeUser'), arbAnyValue),
        resource: fc.oneof(fc.constant('*'), arbAnyValue),
      },
      { requiredKeys: [] },
    ),
  },
)
const arbArguments = fc.array(arbArgument, { maxLength: 3 })

const arbRequestish: fc.Arbitrary<unknown> = fc.oneof(
  arbRequest,
  arbRequestWithContext,
  arbAnyValue,
)

/** Inputs drawn from core's fast-check arbitraries and from anything JSON. */
export function randomCase(rng: Rng): FuzzCase {
  const family = 'random'
  const placement = rng.pick(placements)
  const explain = rng.chance(0.5)
  const request = () => sampleOf(rng, arbRequestWithContext)
  // the request is drawn after the policy, so that a seed gives the inputs it gave before
  const policyCase = (generator: string, shape: string, policy: unknown): FuzzCase => ({
    kind: 'policy',
    family,
    generator,
    shape,
    policy,
    request: request(),
    placement,
    explain,
  })
  switch (rng.below(10)) {
    case 0:
    case 1: {
      const wellFormed = rng.chance(0.5)
      const document = sampleOf(rng, wellFormed ? arbWellFormedPolicy : arbAnyPolicy)
      let policy: unknown = document
      if (rng.chance(0.6)) {
        try {
          policy = printPolicy(document)
        } catch {
          // printing is exercised as its own call; the model is given as it is
        }
      }
      const generator = wellFormed ? 'arb-well-formed-policy' : 'arb-any-policy'
      const shape = `a policy model${typeof policy === 'string' ? ', printed' : ''}`
      return policyCase(generator, shape, policy)
    }
    case 2: {
      const policy = sampleOf(rng, arbJsonLikeText)
      const shape = `${policy.length} characters of JSON-like text`
      const generator = 'arb-json-like-text'
      return policyCase(generator, shape, policy)
    }
    case 3: {
      const value = sampleOf(rng, fc.jsonValue({ maxDepth: 4 }))
      const policy = rng.chance(0.5) ? JSON.stringify(value) : value
      const shape = `any JSON value${typeof policy === 'string' ? ' as text' : ''}`
      return {
        kind: 'policy',
        family,
        generator: 'arb-json-value',
        shape,
        policy,
        request: request(),
        placement,
        explain,
      }
    }
    case 4: {
      const policy = sampleOf(rng, arbAnyValue)
      const generator = 'arb-any-value'
      return {
        kind: 'policy',
        family,
        generator,
        shape: 'any value as the policy',
        policy,
        request: sampleOf(rng, arbRequestish),
        placement,
        explain,
      }
    }
    case 5: {
      const every = rng.chance(0.6)
      const set = every
        ? sampleOf(rng, arbPolicySetWithEveryLayer)
        : { identityPolicies: sampleOf(rng, arbIdentityPolicies) }
      const generator = every ? 'arb-policy-set' : 'arb-identity-policies'
      const shape = every ? 'a policy set with every layer' : 'identity policies'
      return {
        kind: 'set',
        family,
        generator,
        shape,
        set,
        request: every ? request() : sampleOf(rng, arbRequest),
        explain,
      }
    }
    case 6: {
      const sample = rng.below(correctedSamples.length)
      return {
        kind: 'request',
        family,
        generator: 'arb-request',
        shape: 'a random request',
        sample,
        request: sampleOf(rng, arbRequestish),
        explain,
      }
    }
    case 7: {
      const module = rng.pick(modules)
      const [name] = rng.pick(exportedFunctions(module))
      const args = sampleOf(rng, arbArguments)
      return {
        kind: 'call',
        family,
        generator: 'arb-call',
        shape: `${module}.${name} with ${args.length} arguments`,
        module,
        name,
        args,
      }
    }
    case 8: {
      const matcher = rng.pick(['actionMatch', 'resourceMatch', 'wildcardMatch'] as const)
      const [pattern, text] = sampleOf(
        rng,
        fc.oneof(
          arbPatternAndText(),
          arbArnPatternAndText,
          fc.tuple(arbPattern(40), arbText(40)),
          fc.tuple(arbAnyValue, arbAnyValue),
        ),
      )
      return {
        kind: 'match',
        family,
        generator: 'arb-pattern',
        shape: `${matcher} on a random pattern`,
        matcher,
        pattern,
        text,
      }
    }
    default: {
      const sample = rng.chance(0.7) ? rng.pick(samples) : sampleOf(rng, arbAnyValue)
      const owner = rng.pick(samples)
      const expectation =
        owner.expectations.length > 0 && rng.chance(0.8)
          ? rng.pick(owner.expectations)
          : sampleOf(rng, arbAnyValue)
      return {
        kind: 'sample',
        family,
        generator: 'arb-sample',
        shape: 'a sample with an expectation from any sample',
        sample,
        expectation,
      }
    }
  }
}
