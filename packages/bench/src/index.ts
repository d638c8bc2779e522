// What other workspaces take from the benchmarks: the one way figures are held to targets, so
// that the API's benchmark (apps/api/bench) checks its own targets as this package does.

export { withSection } from './report/write-section.ts'
export {
  checkTargets,
  describeCount,
  describeOutcome,
  describeOutcomes,
  describeThreshold,
  type Target,
  type TargetOutcome,
} from './target-check.ts'
