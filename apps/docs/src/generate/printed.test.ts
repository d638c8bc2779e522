import { type Sample, samples } from '@connect-policy/samples'
import { describe, expect, it } from 'vitest'
import { differences, markedPart, printingsToShow } from './printed.ts'

function sample(id: string): Sample {
  const found = samples.find((s) => s.id === id)
  if (found === undefined) throw new Error(`no sample ${id}`)
  return found
}

describe('markedPart', () => {
  it('marks overlapping errata without nesting, with the number after each erratum', () => {
    const html = markedPart(sample('create-user-deny-security-profile'), 'original', 'text')
    expect(html).toContain(
      '<mark class="erratum severity-error" data-errata="1 7" title="1. a trailing comma after the Resource of the Allow statement&#10;7. the Allow names every resource">&quot;Resource&quot;: &quot;*&quot;</mark><sup class="erratum-ref"><a href="#erratum-allow-on-every-resource">7</a></sup>',
    )
    expect(html).toContain(
      '<mark class="erratum severity-error" data-errata="1" title="1. a trailing comma after the Resource of the Allow statement">,</mark><sup class="erratum-ref"><a href="#erratum-trailing-comma-after-allow-resource">1</a></sup>',
    )
    expect(html).not.toMatch(/<mark[^>]*>[^<]*<mark/)
  })

  it('marks only the errata of the printing shown', () => {
    const intro = sample('page-introduction')
    expect(markedPart(intro, 'revised', 'heading')).toContain('data-errata="1"')
    expect(markedPart(intro, 'original', 'heading')).not.toContain('<mark')
  })
})

describe('printings', () => {
  it('shows both printings when they differ and says how', () => {
    const s = sample('create-user-deny-security-profile')
    expect(printingsToShow(s)).toEqual(['original', 'revised'])
    expect(differences(s)).toBe(
      'The heading is the same, the prose is the same, the policy differs only in whitespace.',
    )
  })

  it('shows the one printing of a sample only one prints', () => {
    expect(printingsToShow(sample('wisdom-query-assistant'))).toEqual(['original'])
    expect(differences(sample('wisdom-query-assistant'))).toBeUndefined()
  })
})
