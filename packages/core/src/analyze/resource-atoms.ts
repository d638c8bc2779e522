import { caseFoldable } from '../evaluate/wide-reading.ts'
import { compileResourcePattern, matchesResource } from '../match/index.ts'
import type { GlobToken } from './glob-search.ts'
import { resourceTokens } from './resource-tokens.ts'
import type { TextAtom } from './text-cells.ts'

function folded(token: GlobToken): GlobToken {
  return token.kind === 'literal' ? { ...token, folds: true } : token
}

/**
 * A `Resource` or `NotResource` pattern as a distinction between resources, tested by the
 * evaluator's matcher. Where the evaluator also matches it in another case (a Deny's
 * `Resource`, an Allow's `NotResource`: `readsWidely`), its letters fold case, as the evaluator
 * matches every resource but an IAM user's; an IAM user's ARN that differs from such a pattern
 * only in case is the one text where tokens and test part, which `textCells` reports.
 */
export function resourceAtom(pattern: string, foldsCase: boolean): TextAtom {
  const exact = compileResourcePattern(pattern)
  if (!foldsCase) {
    return { tokens: resourceTokens(pattern), test: (text) => matchesResource(exact, text) }
  }
  const lower = compileResourcePattern(pattern.toLowerCase())
  return {
    tokens: resourceTokens(pattern).map(folded),
    test: (text) =>
      matchesResource(exact, text) ||
      (caseFoldable(text) && matchesResource(lower, text.toLowerCase())),
  }
}
