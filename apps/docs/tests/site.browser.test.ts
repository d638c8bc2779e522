import { join, relative } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { filesUnder, pageUrl } from '../src/links/check-links.ts'
import { openPage, runBrowserTests, screenshots } from './support/chromium.ts'
import { useBrowser } from './support/use-browser.ts'

const siteUrl = inject('siteUrl')
const distDir = inject('distDir')

describe.skipIf(!runBrowserTests)('the site in Chromium', () => {
  const context = useBrowser()

  function open(path: string) {
    return openPage(context(), siteUrl, path)
  }

  // every page of the site, one after the other: minutes on a shared two-core machine while the
  // other packages' tests run, so the safety net is wide
  it('logs no console error on any page', { timeout: 300_000 }, async () => {
    // The example pages and the playground are opened, and checked, by their own tests.
    const pages = filesUnder(distDir)
      .filter((file) => file.endsWith('.html') && !file.endsWith('404.html'))
      .map((file) => pageUrl(relative(distDir, file)))
      .filter((path) => !/^\/examples\/./.test(path) && path !== '/playground')
    const found: string[] = []
    for (const path of pages) {
      const { page, problems } = await open(path)
      found.push(...problems.map((problem) => `${path}: ${problem}`))
      await page.close()
    }
    expect(pages.length).toBeGreaterThan(15)
    expect(found).toEqual([])
  })

  it('reads on a phone: no page is wider than the screen', async () => {
    for (const [path, name] of [
      ['/playground', 'playground-phone'],
      ['/sources', 'sources-phone'],
      ['/examples/create-user-deny-security-profile', 'example-phone'],
      ['/services/connect', 'service-phone'],
      ['/findings', 'findings-phone'],
    ] as const) {
      const { page, problems } = await open(path)
      await page.setViewportSize({ width: 390, height: 844 })
      if (path === '/playground') await page.locator('.playground[data-ready="true"]').waitFor()
      if (path === '/sources') await page.locator('.sources[data-ready="true"]').waitFor()
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow, path).toBeLessThanOrEqual(0)
      await page.screenshot({ path: join(screenshots, `${name}.png`) })
      expect(problems).toEqual([])
      await page.close()
    }
  })

  it('searches the site locally, with nothing loaded from elsewhere', async () => {
    const { page, problems } = await open('/')
    await page.locator('.VPNavBarSearch button').first().click()
    await page.locator('input.search-input').fill('security profile')
    await page.locator('.VPLocalSearchBox .result').first().waitFor()
    expect(await page.locator('.VPLocalSearchBox .result').count()).toBeGreaterThan(0)
    expect(problems).toEqual([])
    await page.close()
  })
})
