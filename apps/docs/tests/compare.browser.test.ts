import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { openPlayground, runBrowserTests, screenshots } from './support/chromium.ts'
import { pasteIntoEditor } from './support/editor.ts'
import { useBrowser } from './support/use-browser.ts'

const siteUrl = inject('siteUrl')

describe.skipIf(!runBrowserTests)('the compare mode in Chromium', () => {
  const context = useBrowser()

  it('says after is broader, and one click evaluates a witness in the playground', async () => {
    const { page, problems } = await openPlayground(context(), siteUrl, '/compare')
    await expect
      .poll(() => page.getByTestId('relation').textContent())
      .toBe('After allows more than before, and keeps everything.')
    expect(await page.getByTestId('added').locator('li').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(screenshots, 'compare-broader.png'), fullPage: true })

    await page.getByTestId('open-witness').first().click()
    await page.locator('.playground[data-ready="true"]').waitFor()
    await expect.poll(() => page.getByTestId('decision').textContent()).toBe('Allow')
    expect(problems).toEqual([])
    await page.close()
  })

  it('answers narrower once the sides are swapped, and keeps both policies in its link', async () => {
    const { page, problems } = await openPlayground(context(), siteUrl, '/compare')
    await page.getByTestId('swap').click()
    await expect
      .poll(() => page.getByTestId('relation').textContent())
      .toBe('After allows less than before, and nothing new.')
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#d=/)
    const link = await page.evaluate(() => window.location.href)
    const reopened = await openPlayground(
      context(),
      siteUrl,
      new URL(link).pathname + new URL(link).hash,
    )
    await expect
      .poll(() => reopened.page.getByTestId('relation').textContent())
      .toBe('After allows less than before, and nothing new.')
    expect([...problems, ...reopened.problems]).toEqual([])
    await reopened.page.close()
    await page.close()
  })

  it('shows the errors of a policy AWS would reject, underlined in its editor', async () => {
    const { page } = await openPlayground(context(), siteUrl, '/compare')
    await pasteIntoEditor(page, 'before', '{')
    await expect.poll(() => page.getByTestId('compare-errors').textContent()).toMatch(/^before: /)
    await page.locator('[data-testid="before"] .cm-lintRange-error').first().waitFor()
    await page.close()
  })
})
