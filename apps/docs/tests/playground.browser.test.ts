import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { stateFromHash } from '../src/playground/state.ts'
import {
  type ColorScheme,
  openPlayground,
  runBrowserTests,
  screenshots,
} from './support/chromium.ts'
import { editorText, pasteIntoEditor } from './support/editor.ts'
import { useBrowser } from './support/use-browser.ts'

const siteUrl = inject('siteUrl')
const decision = (page: Page) => page.getByTestId('decision').textContent()
const values = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))

describe.skipIf(!runBrowserTests)('the playground in Chromium', () => {
  const context = useBrowser()

  function open(path?: string, colorScheme?: ColorScheme) {
    return openPlayground(context(), siteUrl, path, colorScheme)
  }

  it('shows ExplicitDeny, naming the statement, once a Deny is added to the policy', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('start-contact-recording')
    await expect.poll(() => decision(page)).toBe('Allow')
    const headline = () => page.getByTestId('effective-headline').textContent()
    expect(await headline()).toMatch(
      /^In effect, after its Denies .* it allows \d+ actions? of 1 service\.$/,
    )
    expect(await page.getByTestId('effective-access').textContent()).toContain(
      'connect:StartContactRecording',
    )

    const policy = JSON.parse(await editorText(page, 'policy-input')) as { Statement: object[] }
    const allow = policy.Statement[0] as { Action: unknown; Resource: unknown }
    policy.Statement.push({
      Sid: 'NoRecordingHere',
      Effect: 'Deny',
      Action: allow.Action,
      Resource: allow.Resource,
    })
    await pasteIntoEditor(page, 'policy-input', JSON.stringify(policy, null, 2))

    await expect.poll(() => decision(page)).toBe('ExplicitDeny')
    expect(await page.getByTestId('deciding').textContent()).toContain('NoRecordingHere')
    // the Deny takes back all the Allow gave, which the description says of every request
    await expect.poll(headline).toBe('In effect, it allows nothing: every request is denied.')
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

  it('audits the policy as it is typed, each finding linked to its check page', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('start-contact-recording')
    await expect.poll(() => page.getByTestId('audit-clean').isVisible()).toBe(true)
    const policy = JSON.parse(await editorText(page, 'policy-input')) as { Statement: object[] }
    policy.Statement.push({ Effect: 'Allow', Action: 'connect:DeleteInstance', Resource: '*' })
    await pasteIntoEditor(page, 'policy-input', JSON.stringify(policy, null, 2))
    const findings = page.getByTestId('audit-findings')
    await expect.poll(() => findings.textContent()).toContain('critical delete-instance:')
    expect(await findings.locator('a').first().getAttribute('href')).toMatch(
      /\/audit\/delete-instance$/,
    )
    expect(problems).toEqual([])
    await page.close()
  })

  it('underlines what the validator finds and lists it with line and column', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('start-contact-recording')
    await pasteIntoEditor(
      page,
      'policy-input',
      (await editorText(page, 'policy-input')).replace(
        'connect:StartContactRecording',
        'connect:StartContactRecordng',
      ),
    )
    const finding = page.locator('[data-testid="findings"] li[data-code="unknown-action"]')
    await finding.waitFor()
    expect(await finding.locator('.where').textContent()).toMatch(/^\s*\d+:\d+\s*$/)
    const underlined = page.locator('[data-testid="policy-input"] .cm-lintRange-error')
    expect(await underlined.count()).toBeGreaterThan(0)
    expect(await underlined.first().textContent()).toContain('StartContactRecordng')
    await page.screenshot({ path: join(screenshots, 'playground-findings.png') })
    expect(problems).toEqual([])
    await page.close()
  })

  it('reports beside the decision an action the service reference does not know, and the name meant', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('create-user-deny-security-profile')
    await page.getByTestId('action').fill('connect:DescribeUsr')
    const finding = page.locator(
      '[data-testid="evaluation-findings"] li[data-code="unknown-action"]',
    )
    await finding.waitFor()
    expect(await finding.textContent()).toContain('is not an action of Amazon Connect')
    const suggestion = finding.getByTestId('did-you-mean')
    expect((await suggestion.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'did you mean connect:DescribeUser',
    )
    expect(await suggestion.locator('code').textContent()).toBe('connect:DescribeUser')
    await page.screenshot({
      path: join(screenshots, 'playground-unknown-action.png'),
      fullPage: true,
    })
    // The name meant, taken with a click: the action is one AWS knows, and what is left to say is
    // that DescribeUser is not authorized against the example's two profiles.
    await suggestion.getByRole('button').click()
    expect(await page.getByTestId('action').inputValue()).toBe('connect:DescribeUser')
    const reported = page.locator('[data-testid="evaluation-findings"] li')
    await expect.poll(() => finding.count()).toBe(0)
    expect(await reported.evaluateAll((items) => items.map((item) => item.dataset.code))).toEqual([
      'resource-not-for-action',
      'resource-not-for-action',
    ])
    expect(problems).toEqual([])
    await page.close()
  })

  it('reports the resources CreateUser is authorized against that the request leaves out', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('create-user-deny-security-profile')
    await page.getByTestId('request-picker').selectOption('1')
    await expect.poll(() => decision(page)).toBe('Allow')
    expect(await page.getByTestId('evaluation-findings').count()).toBe(0)
    // Only the user: the security and routing profiles go.
    const user = (await values(page, 'resource')).find((resource) => resource.includes('/agent/'))
    if (user === undefined) throw new Error('the request names no user')
    while ((await page.getByTestId('resource').count()) > 1) {
      await page.getByRole('button', { name: 'Remove resource 2' }).click()
    }
    await page.getByTestId('resource').fill(user)
    expect(await page.getByTestId('action').inputValue()).toBe('connect:CreateUser')
    const finding = page.locator(
      '[data-testid="evaluation-findings"] li[data-code="missing-required-resource"]',
    )
    await finding.waitFor()
    expect(await finding.textContent()).toMatch(/`?connect:CreateUser`? is authorized against/)
    expect(await finding.locator('.severity').textContent()).toBe('warning')
    await page.screenshot({
      path: join(screenshots, 'playground-missing-resource.png'),
      fullPage: true,
    })
    expect(problems).toEqual([])
    await page.close()
  })

  it('underlines an Allow entry that matches nothing and names its statement', async () => {
    const { page, problems } = await open()
    await page.getByTestId('example-picker').selectOption('start-contact-recording')
    await pasteIntoEditor(
      page,
      'policy-input',
      (await editorText(page, 'policy-input')).replace(
        '"connect:StartContactRecording"',
        '"connect:StartContactRecording ", "connect:StopContactRecording"',
      ),
    )
    const finding = page.locator(
      '[data-testid="evaluation-findings"] li[data-code="action-has-whitespace"]',
    )
    await finding.waitFor()
    expect(await finding.getByTestId('finding-statement').textContent()).toMatch(
      /statement #0, line \d+/,
    )
    await finding.locator('.where').click()
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('"connect:StartContactRecording "')
    expect(problems).toEqual([])
    await page.close()
  })

  it('marks a statement read both ways and a condition clause whose outcome AWS leaves open', async () => {
    const { page, problems } = await open()
    const instance =
      'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1'
    const statements = [
      {
        Sid: 'ThisInstance',
        Effect: 'Allow',
        Action: 'connect:*',
        Resource: '*',
        Condition: {
          StringEquals: { 'connect:InstanceId': '00fbeee1-123e-111e-93e3-11111bfbfcc1' },
        },
      },
      {
        Sid: 'TeamTag',
        Effect: 'Allow',
        Action: 'connect:TagResource',
        Resource: '*',
        Condition: { StringEquals: { 'aws:TagKeys': 'team' } },
      },
    ]
    await pasteIntoEditor(
      page,
      'policy-input',
      JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2),
    )
    while ((await page.getByTestId('resource').count()) > 1) {
      await page.getByRole('button', { name: 'Remove resource 2' }).click()
    }
    await page.getByTestId('resource').fill(`${instance}/agent/u1`)
    // An action the service reference does not hold: whether AWS sends the instance ID is unknown.
    await page.getByTestId('action').fill('connect:DescribeUsr')
    const note = page.getByTestId('statement-note')
    await note.waitFor()
    expect(await note.textContent()).toContain('connect:InstanceId')

    await page.getByTestId('action').fill('connect:TagResource')
    await page.getByTestId('add-context').click()
    await page.getByTestId('context-key').fill('aws:TagKeys')
    await page.getByTestId('context-value').fill('team, owner')
    const badge = page.getByTestId('undocumented-clause')
    await badge.waitFor()
    expect(await badge.getAttribute('title')).toBe(
      'AWS leaves it open: several request values and no set qualifier',
    )
    const clause = page.locator('.clauses li.undocumented')
    expect(await clause.textContent()).toContain('AWS does not document the outcome')
    await page.screenshot({
      path: join(screenshots, 'playground-undocumented.png'),
      fullPage: true,
    })
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
    const policy = await editorText(first.page, 'policy-input')
    const resources = await values(first.page, 'resource')
    await expect.poll(() => decision(first.page)).toBe('Allow')
    // The URL follows the last change once typing stops.
    await expect
      .poll(
        async () => stateFromHash(await first.page.evaluate(() => window.location.hash))?.context,
      )
      .toEqual([{ key: 'aws:SourceIp', value: '203.0.113.7' }])
    const url = first.page.url()
    expect(first.problems).toEqual([])
    await first.page.close()

    const second = await open(url.slice(siteUrl.length))
    expect(await editorText(second.page, 'policy-input')).toBe(policy)
    expect(await second.page.getByTestId('action').inputValue()).toBe('connect:CreateUser')
    expect(await values(second.page, 'resource')).toEqual(resources)
    expect(await second.page.getByTestId('context-key').inputValue()).toBe('aws:SourceIp')
    expect(await second.page.getByTestId('context-value').inputValue()).toBe('203.0.113.7')
    await expect.poll(() => decision(second.page)).toBe('Allow')
    expect(await second.page.getByTestId('example-picker').inputValue()).toBe(
      'create-user-deny-security-profile',
    )
    await second.page.screenshot({ path: join(screenshots, 'playground.png'), fullPage: true })
    expect(second.problems).toEqual([])
    await second.page.close()
  })

  it('follows the dark color scheme', async () => {
    const { page, problems } = await open(undefined, 'dark')
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    )
    await page.screenshot({ path: join(screenshots, 'playground-dark.png') })
    expect(problems).toEqual([])
    await page.close()
  })
})
