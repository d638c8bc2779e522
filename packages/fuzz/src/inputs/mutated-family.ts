import { samples } from '@connect-policy/samples'
import type { BasePolicy, FuzzBases } from './bases.ts'
import { correctedSamples } from './corrected-samples.ts'
import { type FuzzCase, placements } from './fuzz-case.ts'
import { type Holder, toTree, writeJson } from './json-tree.ts'
import { textMutations } from './mutate-text.ts'
import { type MutationContext, scalingMutations, treeMutations } from './mutate-tree.ts'
import { mutateRequest, requestFor } from './requests.ts'
import type { Rng } from './rng.ts'

const treeNames = Object.keys(treeMutations)
const steadyNames = treeNames.filter(
  (name) => !(scalingMutations as readonly string[]).includes(name),
)
const textNames = Object.keys(textMutations)

/** A real policy: a documented example's half of the time, an AWS managed policy's otherwise. */
export function pickBase(rng: Rng, bases: FuzzBases): BasePolicy {
  const fromSamples = bases.policies.length === bases.sampleCount || rng.chance(0.5)
  const index = fromSamples
    ? rng.below(bases.sampleCount)
    : bases.sampleCount + rng.below(bases.policies.length - bases.sampleCount)
  return bases.policies[index] as BasePolicy
}

/**
 * A real policy's text after one to three mutations: of its JSON tree (keys removed, written
 * twice or renamed, types swapped, values scaled up), then perhaps of its characters.
 */
export function mutatePolicy(rng: Rng, text: string, context: MutationContext): [string, string[]] {
  const said: string[] = []
  let result = text
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const count = 1 + rng.below(3)
  if (parsed !== undefined && rng.chance(0.75)) {
    const holder: Holder = { root: toTree(parsed) }
    let scaled = false
    for (let step = 0; step < count; step++) {
      // one mutation that scales up at most, so that sizes do not multiply
      const names = scaled ? steadyNames : treeNames
      const name = rng.pick(names)
      scaled ||= (scalingMutations as readonly string[]).includes(name)
      said.push(treeMutations[name]?.(rng, holder, context) ?? '')
    }
    result = writeJson(holder.root, rng.chance(0.5))
    if (rng.chance(0.3)) {
      const [mutated, words] = textMutations[rng.pick(textNames)]?.(rng, result) ?? [result, '']
      result = mutated
      said.push(words)
    }
  } else {
    for (let step = 0; step < count; step++) {
      const [mutated, words] = textMutations[rng.pick(textNames)]?.(rng, result) ?? [result, '']
      result = mutated
      said.push(words)
    }
  }
  return [result, said]
}

/** Real policies, requests and samples, mutated. */
export function mutatedCase(rng: Rng, bases: FuzzBases, maxScale: number): FuzzCase {
  const family = 'mutated'
  const scale = rng.chance(0.7) ? Math.ceil(maxScale / 100) : maxScale
  const context: MutationContext = { actions: bases.actions, maxScale: scale }
  const explain = rng.chance(0.5)
  switch (rng.below(10)) {
    case 0: {
      const sample = rng.below(correctedSamples.length)
      const owner = correctedSamples[sample]
      const base = bases.policies.find((policy) => policy.text === owner?.corrected)
      const [request, words] = mutateRequest(rng, requestFor(rng, base))
      return {
        kind: 'request',
        family,
        generator: 'mutated-request',
        shape: words,
        sample,
        request,
        explain,
      }
    }
    case 1: {
      const identityPolicies = [pickBase(rng, bases).text]
      const layers: Record<string, unknown> = { identityPolicies }
      const said: string[] = []
      for (const layer of ['permissionsBoundary', 'sessionPolicy', 'serviceControlPolicies']) {
        if (!rng.chance(0.4)) continue
        const [text, words] = mutatePolicy(rng, pickBase(rng, bases).text, context)
        layers[layer] = layer === 'serviceControlPolicies' ? [[text]] : text
        said.push(`${layer}: ${words.join(', ')}`)
      }
      const [text, words] = mutatePolicy(rng, pickBase(rng, bases).text, context)
      identityPolicies.push(text)
      said.push(`identity: ${words.join(', ')}`)
      const request = requestFor(rng, pickBase(rng, bases))
      return {
        kind: 'set',
        family,
        generator: 'mutated-set',
        shape: said.join('; '),
        set: layers,
        request,
        explain,
      }
    }
    case 2: {
      const sample = structuredClone(rng.pick(samples)) as unknown as Record<string, unknown>
      const said = mutateSample(rng, sample, context)
      const owner = rng.pick(correctedSamples)
      const expectation = rng.pick(owner.expectations)
      return {
        kind: 'sample',
        family,
        generator: 'mutated-sample-object',
        shape: said,
        sample,
        expectation,
      }
    }
    case 3: {
      const base = pickBase(rng, bases)
      const request = requestFor(rng, base)
      const [pattern] = mutatePolicy(
        rng,
        JSON.stringify(rng.pick([request.action, '*', ...[request.resource].flat()])),
        context,
      )
      const matcher = rng.pick(['actionMatch', 'resourceMatch', 'wildcardMatch'] as const)
      const text = matcher === 'actionMatch' ? request.action : [request.resource].flat()[0]
      let unquoted: unknown = pattern
      try {
        unquoted = JSON.parse(pattern)
      } catch {
        // a pattern that is no longer a JSON string is matched as its text
      }
      return {
        kind: 'match',
        family,
        generator: 'mutated-pattern',
        shape: `${matcher} on a mutated pattern`,
        matcher,
        pattern: unquoted,
        text,
      }
    }
    default: {
      const base = pickBase(rng, bases)
      const [policy, said] = mutatePolicy(rng, base.text, context)
      const generator = base.origin === 'sample' ? 'mutated-sample' : 'mutated-managed'
      return {
        kind: 'policy',
        family,
        generator,
        shape: `${base.name}: ${said.join(', ')}`,
        policy,
        request: requestFor(rng, base),
        placement: rng.pick(placements),
        explain,
      }
    }
  }
}

/** A sample object with one of its parts mutated: a policy text, a placeholder, a request. */
function mutateSample(rng: Rng, sample: Record<string, unknown>, context: MutationContext): string {
  const printed = sample.printed as Record<string, Record<string, unknown> | undefined>
  switch (rng.below(5)) {
    case 0:
      if (typeof sample.corrected === 'string') {
        const [text, said] = mutatePolicy(rng, sample.corrected, context)
        sample.corrected = text
        return `corrected policy: ${said.join(', ')}`
      }
      return 'unchanged'
    case 1: {
      const version = printed.original ?? printed.revised
      if (typeof version?.text === 'string') {
        const [text, said] = mutatePolicy(rng, version.text, context)
        version.text = text
        return `printed policy: ${said.join(', ')}`
      }
      return 'unchanged'
    }
    case 2: {
      const placeholders = sample.placeholders as Record<string, unknown>[]
      const placeholder = placeholders[rng.below(placeholders.length)]
      if (placeholder !== undefined) {
        placeholder.text = rng.pick(['', '*', '$', '{', '"', 'a'.repeat(rng.scale(1, 10_000))])
        return 'a placeholder changed'
      }
      return 'unchanged'
    }
    case 3: {
      const expectations = sample.expectations as Record<string, unknown>[]
      const expectation = expectations[rng.below(expectations.length)]
      if (expectation !== undefined) {
        expectation.request = rng.pick([{}, null, 'connect:*', { action: 1, resource: [] }])
        return "an expectation's request broken"
      }
      return 'unchanged'
    }
    default: {
      const key = rng.pick(Object.keys(sample))
      sample[key] = rng.pick([null, '', [], {}, 0])
      return `\`${key}\` replaced`
    }
  }
}
