import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { json } from '@codemirror/lang-json'
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language'
import { lintGutter, lintKeymap } from '@codemirror/lint'
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search'
import { Compartment, EditorState, type Extension } from '@codemirror/state'
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
  type Tooltip,
} from '@codemirror/view'
import { tags } from '@lezer/highlight'

/** What a hover over the text shows: a title and lines of text, no markup. */
export interface EditorHover {
  readonly from: number
  readonly to: number
  readonly title: string
  readonly body: readonly string[]
}

export interface EditorOptions {
  /** `json` colours and folds JSON; `text` shows a file of another format as it is. */
  readonly language: 'json' | 'text'
  readonly readOnly?: boolean
  /** The accessible name of the editing area. */
  readonly label: string
  /** Completions at a position, where the editor offers some. */
  readonly complete?: (context: CompletionContext) => CompletionResult | null
  /** What a hover at a position shows, if anything. */
  readonly hover?: (state: EditorState, position: number) => EditorHover | undefined
  /** Called with the whole text after every change of it. */
  readonly onChange?: (text: string) => void
}

/** JSON in the site's colours, light and dark alike: VitePress's own palette variables. */
const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--vp-c-indigo-1)' },
  { tag: tags.string, color: 'var(--vp-c-green-1)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--vp-c-purple-1, var(--vp-c-indigo-2))' },
  { tag: tags.invalid, color: 'var(--cp-error)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator], color: 'var(--vp-c-text-2)' },
])

const siteTheme = EditorView.theme({
  '&': {
    fontSize: '13px',
    backgroundColor: 'var(--vp-code-block-bg)',
    color: 'var(--vp-c-text-1)',
    border: '1px solid var(--vp-c-divider)',
    borderRadius: '8px',
  },
  '&.cm-focused': { outline: 'none', borderColor: 'var(--vp-c-brand-1)' },
  '.cm-scroller': { fontFamily: 'var(--vp-font-family-mono)', lineHeight: '20px' },
  '.cm-content': { caretColor: 'var(--vp-c-text-1)' },
  '.cm-cursor': { borderLeftColor: 'var(--vp-c-text-1)' },
  '.cm-gutters': {
    backgroundColor: 'var(--vp-code-block-bg)',
    color: 'var(--vp-c-text-3)',
    border: 'none',
    borderRadius: '8px 0 0 8px',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--vp-c-default-soft)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--vp-c-brand-soft) !important',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--vp-c-bg-elv)',
    color: 'var(--vp-c-text-1)',
    border: '1px solid var(--vp-c-divider)',
    borderRadius: '6px',
    maxWidth: 'min(560px, 90vw)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--vp-c-brand-soft)',
    color: 'var(--vp-c-text-1)',
  },
  '.cm-completionDetail': { color: 'var(--vp-c-text-2)', marginLeft: '1em' },
  '.cm-diagnostic': { padding: '4px 8px', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--cp-error)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--cp-warning)' },
  '.cm-diagnostic-info': { borderLeftColor: 'var(--cp-info)' },
  '.cm-diagnosticSource': { fontFamily: 'var(--vp-font-family-mono)' },
  '.cm-diagnosticAction': {
    backgroundColor: 'var(--vp-c-brand-1)',
    color: 'var(--vp-c-white)',
    borderRadius: '4px',
  },
  '.cm-hover': { padding: '6px 10px', fontSize: '13px', lineHeight: '1.45' },
  '.cm-hover-title': { fontFamily: 'var(--vp-font-family-mono)', fontWeight: '600' },
  '.cm-hover-line': { margin: '2px 0 0', color: 'var(--vp-c-text-2)' },
})

function hoverExtension(hover: NonNullable<EditorOptions['hover']>): Extension {
  return hoverTooltip((view, position): Tooltip | null => {
    const shown = hover(view.state, position)
    if (shown === undefined) return null
    return {
      pos: shown.from,
      end: shown.to,
      above: true,
      create: () => {
        const dom = document.createElement('div')
        dom.className = 'cm-hover'
        const title = document.createElement('div')
        title.className = 'cm-hover-title'
        title.textContent = shown.title
        dom.append(title)
        for (const line of shown.body) {
          const paragraph = document.createElement('p')
          paragraph.className = 'cm-hover-line'
          paragraph.textContent = line
          dom.append(paragraph)
        }
        return { dom }
      },
    }
  })
}

/** Holds the language's extensions, so that a page can switch them on a live editor. */
export const languageCompartment = new Compartment()

/** The extensions of a language: JSON's colours and folding, or none for text. */
export function languageExtensions(language: EditorOptions['language']): Extension[] {
  return language === 'json' ? [json(), foldGutter(), syntaxHighlighting(jsonHighlight)] : []
}

/**
 * The editor's extensions: CodeMirror's usual set (line numbers, folding, history, brackets,
 * search) written out rather than taken from the `codemirror` package, so that completion is
 * configured once, with ours; the lint gutter for the findings a page pushes; the site's theme.
 */
export function editorExtensions(options: EditorOptions): Extension[] {
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    lintGutter(),
    EditorState.tabSize.of(2),
    EditorView.contentAttributes.of({
      'aria-label': options.label,
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
    }),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
    siteTheme,
  ]
  extensions.push(languageCompartment.of(languageExtensions(options.language)))
  if (options.complete !== undefined) {
    extensions.push(autocompletion({ override: [options.complete], activateOnTyping: true }))
  }
  if (options.hover !== undefined) extensions.push(hoverExtension(options.hover))
  if (options.readOnly === true) extensions.push(EditorState.readOnly.of(true))
  const onChange = options.onChange
  if (onChange !== undefined) {
    extensions.push(
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString())
      }),
    )
  }
  return extensions
}
