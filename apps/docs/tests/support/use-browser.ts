import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type Browser, launchBrowser } from './chromium.ts'

/**
 * Launches Chromium before the tests of the enclosing `describe` and closes it after them.
 * Returns the browser's context, for the tests to call.
 */
export function useBrowser(): () => BrowserContext {
  let browser: Browser | undefined

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  return () => {
    if (browser === undefined) throw new Error('no browser')
    return browser.context
  }
}
