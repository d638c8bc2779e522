import { describe, it } from 'vitest'
import {
  assertAllowAllLayerChangesNothing,
  assertControlLevelsCommute,
  assertDenyInAnyLayerWins,
  type PolicySetEvaluator,
} from '../testing/index.ts'
import { compilePolicies } from './compile.ts'
import { evaluate } from './evaluate.ts'

const evaluators: Record<string, PolicySetEvaluator> = {
  evaluate,
  'compilePolicies, explained': (request, set) => compilePolicies(set).evaluate(request),
  'compilePolicies, unexplained': (request, set) =>
    compilePolicies(set).evaluate(request, { explain: false }),
}

describe.each(Object.entries(evaluators))('%s across policy types', (_, evaluator) => {
  it('lets a matching explicit Deny in any layer win', () => assertDenyInAnyLayerWins(evaluator))
  it('does not depend on the order of SCP levels', () => assertControlLevelsCommute(evaluator))
  it('is unchanged by a layer that allows everything', () =>
    assertAllowAllLayerChangesNothing(evaluator))
})
