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
      // Each ARN of a request is whole on hover, and in the page's text, however it is shortened.
      for (const [index, expectation] of sample.expectations.entries()) {
        const resources =
          typeof expectation.request.resource === 'string'
            ? [expectation.request.resource]
            : expectation.request.resource
        const arns = rows.nth(index).locator('ul.resources code.arn')
        expect(
          await arns.evaluateAll((codes) => codes.map((code) => code.getAttribute('title'))),
        ).toEqual(resources)
        expect(await arns.allTextContents()).toEqual(resources)
      }
      // Each request, and each policy the page shows, opens in the playground.
      const requestLinks = rows.locator('a.playground-link')
      expect(await requestLinks.count()).toBe(
        sample.corrected === undefined ? 0 : sample.expectations.length,
      )
      for (const href of await page
        .locator('a.playground-link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
        expect(href).toMatch(/^\/playground#./)
      }
      expect(await page.locator('tr.disagreement').count()).toBe(0)
      expect(await page.locator('mark.erratum').count()).toBeGreaterThanOrEqual(
        sample.errata.length > 0 ? 1 : 0,
      )
      expect(problems).toEqual([])
      await page.close()
    },
  )

  it('opens a request of the decision table in the playground, the link whole in the address', async () => {
    const { page, problems } = await openPage(
      context(),
      siteUrl,
      '/examples/create-user-deny-security-profile',
    )
    const link = page.locator('tr.decision-row').nth(1).locator('a.playground-link')
    const href = (await link.getAttribute('href')) ?? ''
    await link.click()
    await page.waitForURL((url) => url.pathname === '/playground')
    expect(await page.evaluate(() => window.location.hash)).toBe(href.slice('/playground'.length))
    await page.locator('.playground[data-ready="true"]').waitFor()
    await page.screenshot({ path: join(screenshots, 'example-to-playground.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})
