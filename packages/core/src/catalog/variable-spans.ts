// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the reference's `${Name}` notation, not templates

/** One `${...}` of a text: where it starts, where it ends (after its `}`), and what it holds. */
export interface VariableSpan {
  readonly start: number
  readonly end: number
  readonly name: string
}

/**
 * The `${...}` parts of a text from left to right, each from a `${` to the first `}` after it,
 * as the service reference writes variables (`instance/${InstanceId}`), and as the global
 * regular expression `/\$\{([^}]*)\}/g` finds them. That expression starts a scan to the end of
 * the text at every `${` when no `}` follows, time quadratic in the text for `${` repeated; this
 * reading stops at the first `${` with no `}` after it, since none after it has one either, and
 * so reads each character at most twice.
 */
export function variableSpans(text: string): VariableSpan[] {
  const spans: VariableSpan[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf('${', from)
    if (start < 0) return spans
    const close = text.indexOf('}', start + 2)
    if (close < 0) return spans
    spans.push({ start, end: close + 1, name: text.slice(start + 2, close) })
    from = close + 1
  }
}

/** The text with each `${...}` part replaced by `by`: `replace(/\$\{[^}]*\}/g, by)`, linear. */
export function replaceVariables(text: string, by: string): string {
  let replaced = ''
  let from = 0
  for (const span of variableSpans(text)) {
    replaced += text.slice(from, span.start) + by
    from = span.end
  }
  return from === 0 ? text : replaced + text.slice(from)
}
