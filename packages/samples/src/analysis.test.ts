import { awsCatalog } from '@connect-policy/catalog'
import { comparePolicies } from '@connect-policy/core'
import { expectWitnessesReplay } from '@connect-policy/core/testing'
import { describe, expect, it } from 'vitest'
import { fillPlaceholders, type Sample, samples } from './index.ts'

const catalog = awsCatalog()
const identity = (text: string) => ({ identityPolicies: [text] })
const connectStar = identity(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: '*' }],
  }),
)
const withCorrected = samples.filter(
  (sample): sample is Sample & { corrected: string } => sample.corrected !== undefined,
)

describe('the documented examples, compared over every request', () => {
  it.each(withCorrected.map((sample) => [sample.id, sample] as const))(
    '%s: within `connect:*` on `*` for its Amazon Connect actions, with witnesses that replay',
    (_, sample) => {
      const corrected = identity(sample.corrected)
      const result = comparePolicies(connectStar, corrected, { catalog })
      expectWitnessesReplay(connectStar, corrected, result, catalog)
      if (result.errors !== undefined) return
      // connect:* on * allows every Amazon Connect request: anything more is another service's
      const added = result.added.regions.flatMap((region) => region.actions)
      expect(added.filter((action) => action.startsWith('connect:'))).toEqual([])
      expect(comparePolicies(corrected, corrected, { catalog })).toMatchObject({
        relation: 'equivalent',
      })
    },
  )

  // what each printing grants against the corrected policy: an erratum that changes access shows
  // as a relation other than `equivalent`, with the access it changes and a request for each
  const printedAgainstCorrected: Record<string, string> = {
    'deny-user-delete-update original': 'equivalent',
    'deny-user-delete-update revised': 'equivalent',
    // the printed prefix misses the event integrations the text promises
    'event-integrations-name-prefix original': 'broader',
    'start-contact-recording original': 'equivalent',
    'start-contact-recording revised': 'equivalent',
    'contacts-in-all-instances original': 'equivalent',
    'contacts-in-all-instances revised': 'equivalent',
    'view-event-integration original': 'equivalent',
    // "full access" printed without the domain's sub-resources: the corrected policy grants them
    'customer-profiles-full-access original': 'broader',
    'customer-profiles-read-only original': 'incomparable',
    // the printed action has a trailing space, so it allows nothing
    'wisdom-query-assistant original': 'broader',
    'voice-id-full-access original': 'equivalent',
  }

  const printings = withCorrected.flatMap((sample) =>
    (['original', 'revised'] as const).flatMap((version) => {
      const text = sample.printed[version]?.text
      return text === undefined ? [] : [[`${sample.id} ${version}`, sample, text] as const]
    }),
  )

  it.each(printings)('%s against the corrected policy', (name, sample, text) => {
    const printed = identity(fillPlaceholders(text, sample.placeholders))
    const corrected = identity(sample.corrected)
    const result = comparePolicies(printed, corrected, { catalog })
    const expected = printedAgainstCorrected[name]
    if (expected === undefined) {
      // a printing AWS would reject cannot be compared: the analyzer says so
      expect(result.errors?.[0]?.message).toMatch(/^before: /)
      return
    }
    expect(result.errors).toBeUndefined()
    if (result.errors !== undefined) return
    expect(result.relation).toBe(expected)
    if (expected !== 'equivalent')
      expect(result.added.regions.length + result.removed.regions.length).toBeGreaterThan(0)
    expectWitnessesReplay(printed, corrected, result, catalog)
  })
})
