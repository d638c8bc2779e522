import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { readEnv } from '../../src/env.ts'

const env = readEnv()

/** Where the screenshots of the browser tests go: test artifacts, next to the JSON report. */
export const screenshots = fileURLToPath(new URL('../../test-results/screenshots', import.meta.url))

/** Whether Debian's Chromium (or `CHROMIUM_PATH`) is there to drive. */
export const hasBrowser = existsSync(env.chromiumPath)

/**
 * Whether to run the browser tests: always in CI, where a missing browser fails them, and
 * elsewhere only when the browser is installed.
 */
export const runBrowserTests = hasBrowser || env.ci

/** What to do on a machine without the browser. */
export const installHint = 'install Chromium: apt-get install -y chromium'

/** Flags for a headless Chromium that stays quiet: no sync, updates or background traffic. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** A browser with a fresh profile of its own, and how to dispose of both. */
export interface Browser {
  readonly context: BrowserContext
  close(): Promise<void>
}

/** Starts Chromium headless with a fresh temporary profile; fails clearly when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!hasBrowser) {
    throw new Error(
      `no Chromium at ${env.chromiumPath}, and CI=true requires the browser tests: ${installHint}`,
    )
  }
  mkdirSync(screenshots, { recursive: true })
  const profile = mkdtempSync(join(tmpdir(), 'connect-policy-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 900 },
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** The colour scheme a page is opened in. */
export type ColorScheme = 'light' | 'dark'

/** A page opened on the site, with everything it complained about. */
export interface OpenedPage {
  readonly page: Page
  /** Console errors, uncaught exceptions, failed requests and requests to other origins. */
  readonly problems: string[]
}

/** Opens a path of the site and records every problem of the page from the start. */
export async function openPage(
  context: BrowserContext,
  siteUrl: string,
  path: string,
  colorScheme: ColorScheme = 'light',
): Promise<OpenedPage> {
  const page = await context.newPage()
  // Set before the first load: reloading to change it would abort the link prefetches of the
  // first load, which read as failed requests.
  await page.emulateMedia({ colorScheme })
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`))
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`))
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(siteUrl) && !url.startsWith('data:')) problems.push(`elsewhere: ${url}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`)
  })
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' })
  return { page, problems }
}

/** Opens the playground and waits until it has loaded its data. */
export async function openPlayground(
  context: BrowserContext,
  siteUrl: string,
  path = '/playground',
  colorScheme: ColorScheme = 'light',
): Promise<OpenedPage> {
  const opened = await openPage(context, siteUrl, path, colorScheme)
  await opened.page.locator('.playground[data-ready="true"]').waitFor()
  return opened
}
