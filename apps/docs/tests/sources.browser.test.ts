import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { openPage, runBrowserTests, screenshots } from './support/chromium.ts'
import { hoverOverText, pasteIntoEditor, typeForCompletion } from './support/editor.ts'
import { useBrowser } from './support/use-browser.ts'

const siteUrl = inject('siteUrl')

/** A template as people write one, its action misspelt on line 13, column 19. */
const template = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  SupervisorPolicy:',
  '    Type: AWS::IAM::ManagedPolicy',
  '    Properties:',
  '      PolicyDocument:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - Effect: Allow',
  '            Action:',
  '              - connect:DescribeUser',
  '              - connect:ListQueues',
  '              - connect:DescribeQueu',
  `            Resource: !Sub "arn:aws:connect:\${AWS::Region}:\${AWS::AccountId}:instance/*"`,
  '',
].join('\n')

const formatOf = (page: Page) => page.getByTestId('source-format').textContent()

describe.skipIf(!runBrowserTests)('the sources page in Chromium', () => {
  const context = useBrowser()

  async function open() {
    const opened = await openPage(context(), siteUrl, '/sources')
    await opened.page.locator('.sources[data-ready="true"]').waitFor()
    return opened
  }

  it('finds the misspelt action of a pasted CloudFormation template at its line and column', async () => {
    const { page, problems } = await open()
    await pasteIntoEditor(page, 'source-input', template)
    await expect.poll(() => formatOf(page)).toContain('Read as CloudFormation template: 1 policy')
    const finding = page.locator('[data-testid="source-findings"] li[data-code="unknown-action"]')
    await expect.poll(() => finding.count()).toBe(1)
    expect(await finding.textContent()).toContain('connect:DescribeQueue')
    expect((await finding.getByTestId('finding-where').textContent())?.trim()).toBe('13:17')
    // a click selects the action where the file writes it
    await finding.getByTestId('finding-where').click()
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('connect:DescribeQueu')
    expect(
      await page.locator('[data-testid="source-input"] .cm-lintRange-error').first().textContent(),
    ).toContain('connect:DescribeQueu')
    // the example picker shows the text is the user's own now
    expect(await page.getByTestId('source-example').inputValue()).toBe('')
    // hovering an action of the template describes it, as in the playground
    await hoverOverText(page, 'source-input', 'connect:DescribeUser')
    const hover = page.locator('.cm-hover')
    await hover.waitFor()
    expect(await hover.locator('.cm-hover-title').textContent()).toBe('connect:DescribeUser')
    await page.screenshot({ path: join(screenshots, 'sources-template.png'), fullPage: true })
    expect(problems).toEqual([])
    await page.close()
  })

  it('completes actions in a file that is a bare policy, as the playground does', async () => {
    const { page, problems } = await open()
    await pasteIntoEditor(
      page,
      'source-input',
      JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'connect:DescribeUs', Resource: '*' }],
        },
        null,
        2,
      ),
    )
    await expect.poll(() => formatOf(page)).toContain('Read as IAM policy')
    const options = await typeForCompletion(page, 'source-input', 'connect:DescribeUs', 'e')
    const labels = options.locator('.cm-completionLabel')
    await labels.first().waitFor()
    expect(await labels.allTextContents()).toContain('connect:DescribeUser')
    expect(problems).toEqual([])
    await page.close()
  })

  it('reads a file opened from disk, and says what a file of no format it reads is', async () => {
    const { page, problems } = await open()
    await page.getByTestId('source-file-input').setInputFiles({
      name: 'get-role-policy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify(
          {
            RoleName: 'ConnectAgent',
            PolicyName: 'AgentWorkspace',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'connect:GetCurrentUserDat', Resource: '*' }],
            },
          },
          null,
          4,
        ),
      ),
    })
    await expect
      .poll(() => page.getByTestId('source-name').textContent())
      .toBe('get-role-policy.json')
    await expect.poll(() => formatOf(page)).toContain('get-role-policy')
    const finding = page.locator('[data-testid="source-findings"] li[data-code="unknown-action"]')
    expect((await finding.getByTestId('finding-where').textContent())?.trim()).toBe('9:27')

    await pasteIntoEditor(page, 'source-input', 'services:\n  web:\n    image: nginx\n')
    await expect.poll(() => formatOf(page)).toBe('Not read.')
    expect(await page.getByTestId('source-problems').textContent()).toContain(
      'is none of the files connect-policy reads',
    )
    expect(problems).toEqual([])
    await page.close()
  })

  it('offers each kind of file as an example, each with its finding', async () => {
    const { page, problems } = await open()
    for (const [id, format] of [
      ['terraform-plan', 'Terraform plan'],
      ['account', 'get-account-authorization-details'],
      ['cloudformation', 'CloudFormation template'],
    ] as const) {
      await page.getByTestId('source-example').selectOption(id)
      await expect.poll(() => formatOf(page)).toContain(format)
      expect(
        await page
          .locator('[data-testid="source-findings"] li[data-code="unknown-action"]')
          .count(),
        id,
      ).toBe(1)
    }
    expect(await formatOf(page)).toContain('1 suppressed by its comments')
    expect(problems).toEqual([])
    await page.close()
  })
})
