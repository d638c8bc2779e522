// the element names, for tools that build or mutate policies (the fuzzer)
export { documentElements, statementElements } from '../parse/read/elements.ts'
export {
  arbAnyPolicy,
  arbJsonLikeText,
  arbMutated,
  arbOddText,
  arbWellFormedPolicy,
  stripRanges,
} from '../parse/testing/index.ts'
export {
  allowedBy,
  analysisCatalog,
  arbAnalysisRequests,
  arbAnalysisStatement,
  arbAnalysisStatements,
  askable,
  identitySetOf,
} from './analysis-arbitraries.ts'
export {
  arbAnyValue,
  arbArnPatternAndText,
  arbPattern,
  arbPatternAndText,
  arbText,
  arbTextFor,
} from './arbitraries.ts'
export { policyOf, type StatementSpec, statementOf } from './build.ts'
export { assertReturnsForAnyArguments, exportedFunctions } from './export-laws.ts'
export {
  assertAgreesWithNaiveDecision,
  assertAllowIsMonotone,
  assertDenyNeverAdds,
  assertDenyWins,
  assertNotActionComplements,
  assertOrderIrrelevant,
  type IdentityEvaluator,
} from './laws.ts'
export {
  assertAllowAllLayerChangesNothing,
  assertControlLevelsCommute,
  assertDenyInAnyLayerWins,
  type PolicySetEvaluator,
} from './layer-laws.ts'
export { naiveResourceMatch, naiveWildcardMatch } from './naive-match.ts'
export {
  arbIdentityPolicies,
  arbPolicyDocument,
  arbRequest,
  arbStatementSpec,
  requestActions,
  requestResources,
} from './policy-arbitraries.ts'
export { arbPolicySetWithEveryLayer, arbRequestWithContext } from './policy-set-arbitraries.ts'
export { expectWitnessesReplay } from './witnesses.ts'
