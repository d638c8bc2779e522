import {
  type Completion,
  type CompletionContext,
  type CompletionResult,
  snippet,
} from '@codemirror/autocomplete'
import { syntaxTree } from '@codemirror/language'
import type { EditorState } from '@codemirror/state'
import type { Catalog } from '@connect-policy/core'
import { type PolicyCompletion, policyCompletions, policyHover } from '../editor/index.ts'
import type { EditorHover } from './extensions.ts'

/** The editor's completion and hover for IAM policies, from the service reference. */
export interface PolicyAssist {
  readonly complete?: (context: CompletionContext) => CompletionResult | null
  readonly hover?: (state: EditorState, position: number) => EditorHover | undefined
}

/**
 * The document as a slice reader, clamped to it as `String.prototype.slice` is: a 60 KB policy
 * is not copied out on each keystroke.
 */
function sliceOf(state: EditorState): (from: number, to: number) => string {
  const length = state.doc.length
  const clamp = (offset: number) => Math.max(0, Math.min(offset, length))
  return (from, to) => {
    const start = clamp(from)
    return state.sliceDoc(start, Math.max(start, clamp(to)))
  }
}

/** An option as CodeMirror takes it: a skeleton's template becomes a snippet with its fields. */
function toCompletion({ snippet: template, ...option }: PolicyCompletion): Completion {
  return template === undefined ? option : { ...option, apply: snippet(template) }
}

/**
 * Completion of actions, ARN formats, condition operators and keys, and the reference's
 * description on hover: none without the reference.
 */
export function policyAssist(catalog: Catalog | undefined): PolicyAssist {
  if (catalog === undefined) return {}
  return {
    complete: (context) => {
      const { state } = context
      const offered = policyCompletions(syntaxTree(state), sliceOf(state), context.pos, catalog)
      return offered === undefined
        ? null
        : { ...offered, options: offered.options.map(toCompletion) }
    },
    hover: (state, position) => {
      const shown = policyHover(syntaxTree(state), sliceOf(state), position, catalog)
      if (shown === undefined) return undefined
      return { from: shown.from, to: shown.to, title: shown.title, body: [...shown.body] }
    },
  }
}
