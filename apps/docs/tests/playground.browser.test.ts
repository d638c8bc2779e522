import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { openPlayground, runBrowserTests, screenshots } from './support/chromium.ts'
import { useBrowser } from './support/use-browser.ts'

const siteUrl = inject('siteUrl')
const decision = (page: Page) => page.getByTestId('decision').textContent()
const values = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))

describe.skipIf(!runBrowserTests)('the playground in Chromium', () => {
  const context = useBrowser()

  function open(path?: string) {
    return openPlayground(context(), siteUrl, path)
  }

  it('shows ExplicitDeny, naming the statement, once a Deny is added to the policy', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('start-contact-recording')
    await expect.poll(() => decision(page)).toBe('Allow')

    const input = page.getByTestId('policy-input')
    const policy = JSON.parse(await input.inputValue()) as { Statement: object[] }
    const allow = policy.Statement[0] as { Action: unknown; Resource: unknown }
    policy.Statement.push({
      Sid: 'NoRecordingHere',
      Effect: 'Deny',
      Action: allow.Action,
      Resource: allow.Resource,
    })
    await input.fill(JSON.stringify(policy, null, 2))

    await expect.poll(() => decision(page)).toBe('ExplicitDeny')
    expect(await page.getByTestId('deciding').textContent()).toContain('NoRecordingHere')
    // The policy is no longer the example's; the example's requests stay at hand.
    expect(await page.getByTestId('example-picker').inputValue()).toBe('')
    expect(await page.getByTestId('request-picker').inputValue()).toBe('0')
    await page.screenshot({
      path: join(screenshots, 'playground-explicit-deny.png'),
      fullPage: true,
    })
    expect(problems).toEqual([])
    await page.close()
  })

  it('underlines what the validator finds and lists it with line and column', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('start-contact-recording')
    const input = page.getByTestId('policy-input')
    await input.fill(
      (await input.inputValue()).replace(
        'connect:StartContactRecording',
        'connect:StartContactRecordng',
      ),
    )
    const finding = page.locator('[data-testid="findings"] li[data-code="unknown-action"]')
    await finding.waitFor()
    expect(await finding.locator('.where').textContent()).toMatch(/^\s*\d+:\d+\s*$/)
    const underlined = page.locator('.editor-overlay .underline-error')
    expect(await underlined.count()).toBeGreaterThan(0)
    expect(await underlined.first().textContent()).toContain('StartContactRecordng')
    await page.screenshot({ path: join(screenshots, 'playground-findings.png') })
    expect(problems).toEqual([])
    await page.close()
  })

  it('restores the policy, the request and the decision from a shared URL', async () => {
    const first = await open()
    await first.page.getByTestId('example-picker').selectOption('create-user-deny-security-profile')
    await first.page.getByTestId('request-picker').selectOption('1')
    await first.page.getByTestId('add-context').click()
    await first.page.getByTestId('context-key').fill('aws:SourceIp')
    await first.page.getByTestId('context-value').fill('203.0.113.7')
    const policy = await first.page.getByTestId('policy-input').inputValue()
    const resources = await values(first.page, 'resource')
    await expect.poll(() => decision(first.page)).toBe('Allow')
    // The URL follows the last change a moment after it.
    await expect.poll(() => first.page.evaluate(() => window.location.hash)).toMatch(/^#s=.{20,}/)
    await first.page.waitForTimeout(400)
    const url = first.page.url()
    expect(first.problems).toEqual([])
    await first.page.close()

    const second = await open(url.slice(siteUrl.length))
    expect(await second.page.getByTestId('policy-input').inputValue()).toBe(policy)
    expect(await second.page.getByTestId('action').inputValue()).toBe('connect:CreateUser')
    expect(await values(second.page, 'resource')).toEqual(resources)
    expect(await second.page.getByTestId('context-key').inputValue()).toBe('aws:SourceIp')
    expect(await second.page.getByTestId('context-value').inputValue()).toBe('203.0.113.7')
    expect(await decision(second.page)).toBe('Allow')
    expect(await second.page.getByTestId('example-picker').inputValue()).toBe(
      'create-user-deny-security-profile',
    )
    await second.page.screenshot({ path: join(screenshots, 'playground.png'), fullPage: true })
    expect(second.problems).toEqual([])
    await second.page.close()
  })

  it('follows the dark color scheme', async () => {
    const { page, problems } = await open()
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.reload({ waitUntil: 'networkidle' })
    await page.locator('.playground[data-ready="true"]').waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    )
    await page.screenshot({ path: join(screenshots, 'playground-dark.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})
