import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { runBrowserTests, screenshots } from './support/chromium.ts'
import { useBrowser } from './support/use-browser.ts'

const siteUrl = inject('siteUrl')
const distDir = inject('distDir')

/** One page of each kind the site has, and what shows it has finished loading. */
const pages = [
  { name: 'home', path: '/' },
  { name: 'example', path: '/examples/create-user-deny-security-profile' },
  // the longest page of the site
  { name: 'service', path: '/services/connect' },
  { name: 'findings', path: '/findings' },
  { name: 'audit-index', path: '/audit/' },
  { name: 'audit-check', path: '/audit/sibling-sub-resources' },
  { name: 'playground', path: '/playground', ready: '.playground[data-ready="true"]' },
  { name: 'compare', path: '/compare', ready: '.playground[data-ready="true"]' },
  { name: 'sources', path: '/sources', ready: '.sources[data-ready="true"]' },
  { name: 'guide', path: '/guide/evaluation' },
] as const

const widths = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const

/**
 * What makes the document wider than the window: each element that reaches past its right edge
 * and is not inside a box that scrolls or clips it, the outermost only, as `tag.class#id`.
 */
function overflowing(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement
    const clientWidth = root.clientWidth
    const contained = (element: Element): boolean => {
      for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
        if (parent === document.body || parent === root) return false
        if (getComputedStyle(parent).overflowX !== 'visible') return true
      }
      return false
    }
    const past = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > clientWidth + 0.5 && !contained(element),
    )
    const outermost = past.filter(
      (element) => !past.some((other) => other !== element && other.contains(element)),
    )
    const culprits = outermost.slice(0, 8).map((element) => {
      const classes = [...element.classList].map((name) => `.${name}`).join('')
      const id = element.id === '' ? '' : `#${element.id}`
      const right = Math.round(element.getBoundingClientRect().right)
      return `${element.tagName.toLowerCase()}${classes}${id} (right edge at ${right} px)`
    })
    return { scrollWidth: root.scrollWidth, clientWidth, culprits }
  })
}

describe.skipIf(!runBrowserTests)('the layout of each kind of page in Chromium', () => {
  const context = useBrowser()

  async function open(path: string, viewport: { width: number; height: number }, ready?: string) {
    const page = await context().newPage()
    await page.setViewportSize(viewport)
    await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' })
    if (ready !== undefined) await page.locator(ready).waitFor()
    return page
  }

  describe.each(widths)('at $width px', (viewport) => {
    it.each(pages)(
      '$name ($path) is no wider than the window',
      { timeout: 120_000 },
      async ({ name, path, ...rest }) => {
        const page = await open(path, viewport, 'ready' in rest ? rest.ready : undefined)
        await page.screenshot({
          path: join(screenshots, `layout-${name}-${viewport.width}.png`),
          fullPage: true,
        })
        const { scrollWidth, clientWidth, culprits } = await overflowing(page)
        expect(
          scrollWidth,
          `${path} at ${viewport.width} px is ${scrollWidth} px wide; reaching past the window: ${culprits.join(', ') || 'nothing found'}`,
        ).toBeLessThanOrEqual(clientWidth)
        await page.close()
      },
    )
  })

  it('gives the tables of a doc page the width of the window, not a narrow column', async () => {
    for (const path of ['/examples/create-user-deny-security-profile', '/services/connect']) {
      const page = await open(path, widths[0])
      const width = await page
        .locator('.VPDoc .content-container')
        .evaluate((element) => element.getBoundingClientRect().width)
      // the theme's column is 688 px at most, 624 px at this width beside its outline
      expect(width, path).toBeGreaterThanOrEqual(880)
      // the outline is in the bar at the top instead
      expect(await page.locator('.VPDoc .aside').isVisible(), path).toBe(false)
      expect(await page.locator('.VPLocalNav .VPLocalNavOutlineDropdown').isVisible(), path).toBe(
        true,
      )
      await page.close()
    }
  })

  it('filters the actions of a service page as you type, counting what it shows', async () => {
    const page = await open('/services/connect', widths[0])
    const rows = page.locator('table.actions tbody tr')
    const total = await rows.count()
    expect(total).toBeGreaterThan(100)
    const count = page.getByTestId('table-filter-count')
    expect(await count.textContent()).toBe(`${total} of ${total} actions`)
    await page.getByTestId('table-filter-input').fill('createuser')
    await expect.poll(() => count.textContent()).toMatch(/^\d+ of \d+ actions$/)
    const shown = page.locator('table.actions tbody tr:not([hidden])')
    const names = await shown.locator('td:first-child code').first().allTextContents()
    expect(names).toContain('CreateUser')
    expect(await count.textContent()).toBe(`${await shown.count()} of ${total} actions`)
    // every word counts, in any case: an action name and an access level
    await page.getByTestId('table-filter-input').fill('user WRITE')
    await expect.poll(() => shown.count()).toBeLessThan(total)
    for (const text of await shown.allTextContents()) {
      expect(text.toLowerCase()).toContain('user')
      expect(text.toLowerCase()).toContain('write')
    }
    await page.getByTestId('table-filter-input').fill('')
    await expect.poll(() => shown.count()).toBe(total)
    await page.screenshot({ path: join(screenshots, 'layout-service-filter.png') })
    await page.close()
  })

  it('serves the service page whole without its script: every row, and no box that does nothing', () => {
    const html = readFileSync(join(distDir, 'services', 'connect.html'), 'utf8')
    const table = html.slice(html.indexOf('<table class="catalog actions">'))
    expect(table.split('</table>')[0]?.match(/<tr id="action-/g)?.length).toBeGreaterThan(100)
    expect(html).toContain('class="table-filter"')
    expect(html).not.toContain('table-filter-input')
  })
})
