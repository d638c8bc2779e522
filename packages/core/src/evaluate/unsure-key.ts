import type { RequestContext } from './request-context.ts'

/**
 * A statement that reads a key AWS may or may not send with the request (`connect:InstanceId`
 * decided without the service reference, which says for which actions AWS sends it) is read
 * with the key and without it, and applies where that grants least: an Allow where both
 * readings apply, a Deny where either does. No reading then allows what the other denies.
 *
 * `decide` reads the statement in a context; `applies` says whether an outcome applies;
 * `readsKey` whether the statement reads a lower-case key, in a condition or a variable.
 * Returns the outcome that counts, and whether the two readings differed.
 */
export function readWithUnsureKey<Outcome>(
  context: RequestContext,
  deny: boolean,
  readsKey: (foldedKey: string) => boolean,
  decide: (context: RequestContext) => Outcome,
  applies: (outcome: Outcome) => boolean,
): { readonly outcome: Outcome; readonly differed: boolean } {
  const { unsure } = context
  const withKey = decide(context)
  if (unsure === undefined || !readsKey(unsure.key) || context.get(unsure.key) === undefined) {
    return { outcome: withKey, differed: false }
  }
  const without = decide(unsure.without)
  const appliesWithKey = applies(withKey)
  if (appliesWithKey === applies(without)) return { outcome: withKey, differed: false }
  // the readings differ: a Deny applies (one of them does), an Allow does not
  return { outcome: appliesWithKey === deny ? withKey : without, differed: true }
}

/** What an explanation says of a statement whose readings with and without a key differed. */
export function unsureKeyNote(key: string, deny: boolean): string {
  const how = deny
    ? 'this Deny applies with the key or without it, so it is read as applying'
    : 'this Allow applies with the key or without it, not both, so it is read as not applying'
  return `no service reference the evaluation has says whether AWS sends \`${key}\` with this action (it was given none, or none that holds the action): ${how}`
}
