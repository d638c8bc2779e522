import { join } from 'node:path'
import { awsCatalog } from '@connect-policy/catalog'
import { documentVersions, samples } from '@connect-policy/samples'
import { describe, expect, inject, it } from 'vitest'
import { decisionRows } from '../src/generate/decision-table.ts'
import { openPage, runBrowserTests, screenshots } from './support/chromium.ts'
import { useBrowser } from './support/use-browser.ts'

const siteUrl = inject('siteUrl')

describe.skipIf(!runBrowserTests)('the example pages in Chromium', () => {
  const context = useBrowser()

  it.each(samples.map((sample) => [sample.id, sample] as const))(
    '%s shows its decision table with the documented decisions, and no console error',
    async (id, sample) => {
      const { page, problems } = await openPage(context(), siteUrl, `/examples/${id}`)
      await page.screenshot({ path: join(screenshots, `example-${id}.png`), fullPage: true })
      const rows = page.locator('tr.decision-row')
      expect(await rows.count()).toBe(sample.expectations.length)
      for (const [index, expectation] of sample.expectations.entries()) {
        const row = rows.nth(index)
        const corrected = row.locator('[data-column="corrected"]')
        expect(await corrected.getAttribute('data-computed'), expectation.description).toBe(
          expectation.documented,
        )
        expect(await corrected.locator('.decision').first().textContent()).toBe(
          expectation.documented,
        )
        for (const version of documentVersions) {
          if (sample.printed[version]?.text === undefined) continue
          const cell = row.locator(`[data-column="${version}"]`)
          const expected = expectation.printed?.[version] ?? expectation.documented
          expect(
            await cell.getAttribute('data-computed'),
            `${version}: ${expectation.description}`,
          ).toBe(expected)
          expect(await cell.locator('.decision').first().textContent()).toBe(expected)
        }
      }
      // Each cell whose evaluation reports findings beside its decision is marked with their codes.
      for (const decided of decisionRows(sample, { catalog: awsCatalog() })) {
        for (const cell of decided.cells) {
          const marker = rows
            .nth(decided.index)
            .locator(`[data-column="${cell.column}"] .finding-marker`)
          const codes = [...new Set(cell.findings.map((finding) => finding.code))].join(' ')
          if (codes === '') expect(await marker.count()).toBe(0)
          else expect(await marker.getAttribute('data-codes')).toBe(codes)
        }
      }
      expect(await page.locator('tr.disagreement').count()).toBe(0)
      expect(await page.locator('mark.erratum').count()).toBeGreaterThanOrEqual(
        sample.errata.length > 0 ? 1 : 0,
      )
      expect(problems).toEqual([])
      await page.close()
    },
  )
})
