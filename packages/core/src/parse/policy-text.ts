/** What a value given as a policy is, in a message: `a number`, `null`, `a function`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  const type = typeof value
  return type === 'undefined' ? 'undefined' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

/**
 * The JSON text of a value given as a policy: text as it is, an object or a list as
 * `JSON.stringify` writes it two spaces deep (the object `JSON.parse` makes of a policy, which
 * the REST API and scripts hold). A parsed document is not such an object: callers read it
 * first. Undefined, with the reason, for a
 * value that has no JSON text: a number, `null`, a function, an object that refers to itself.
 */
export function policyText(
  input: unknown,
):
  | { readonly text: string; readonly problem?: never }
  | { readonly text?: never; readonly problem: string } {
  if (typeof input === 'string') return { text: input }
  if (typeof input !== 'object' || input === null) {
    return { problem: `a policy is JSON text or an object, not ${kindOf(input)}` }
  }
  try {
    const text = JSON.stringify(input, null, 2) as string | undefined
    if (typeof text === 'string') return { text }
  } catch {
    // a cycle, a BigInt, or a toJSON that throws: below
  }
  return { problem: 'the policy object cannot be written as JSON' }
}
