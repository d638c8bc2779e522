import type { CatalogData } from '@connect-policy/core'
import type { Page } from 'playwright-core'
import { pasteIntoEditor } from './editor.ts'

/**
 * A policy of about `size` characters, as people write large ones: statements of real actions
 * of the service reference on Amazon Connect ARNs, some with conditions, a few Denies.
 */
export function largePolicy(catalog: CatalogData, size: number): string {
  const actions = catalog.services.flatMap((service) =>
    service.actions.map((action) => `${service.prefix}:${action.name}`),
  )
  const statements: object[] = []
  const text = () => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
  for (let index = 0; text().length < size; index += 1) {
    statements.push({
      Sid: `Statement${index}`,
      Effect: index % 9 === 0 ? 'Deny' : 'Allow',
      Action: [actions[(index * 7) % actions.length], actions[(index * 13) % actions.length]],
      Resource: `arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-${String(index).padStart(12, '0')}/*`,
      ...(index % 4 === 0
        ? { Condition: { StringEquals: { 'aws:ResourceTag/Team': `team-${index}` } } }
        : {}),
    })
  }
  return text()
}

/** The times of one measurement, in milliseconds. */
export interface EditorTimes {
  /** From each keystroke reaching the editor to its findings drawn in it, in the order typed. */
  readonly keystrokes: readonly number[]
  /** From a paste of the whole policy to the page settled: findings drawn, decision shown. */
  readonly paste: number
  /** The characters of the playground's link holding the policy. */
  readonly linkLength: number
}

const findingsMeasure = 'connect-policy:findings'

/**
 * Whether the playground shows the answers for an edit past `edits`: the editor's findings drawn
 * for its last edit, and the decision for the state as it is. Runs in the page.
 */
function settledAfter(edits: number): boolean {
  const editor = document.querySelector<HTMLElement>('[data-testid="policy-input"]')
  const last = Number(editor?.dataset.edits)
  return (
    last > edits &&
    editor?.dataset.drawnEdit === String(last) &&
    document.querySelector('.playground[data-settled="true"]') !== null
  )
}

/**
 * Pastes `policy` into the open playground and waits until the page is settled, then types
 * `keystrokes` characters at the end of a string value, `pause` ms apart as a quick typist, and
 * reads how long each took to show its findings (the editor's `performance.measure` entries).
 */
export async function measureEditor(
  page: Page,
  policy: string,
  keystrokes: number,
  pause = 120,
): Promise<EditorTimes> {
  const settled = page.locator('.playground[data-settled="true"]')
  await settled.waitFor()
  const editor = page.getByTestId('policy-input')
  const editsBefore = Number(await editor.getAttribute('data-edits'))
  const before = Date.now()
  await pasteIntoEditor(page, 'policy-input', policy)
  await page.waitForFunction(settledAfter, editsBefore, { polling: 'raf' })
  const paste = Date.now() - before
  await page.waitForTimeout(1_000)
  const linkLength = await page.evaluate(() => location.href.length)
  await page.evaluate((name) => performance.clearMeasures(name), findingsMeasure)
  // Types inside the first Sid's value, where every character keeps the policy valid.
  await page.getByTestId('policy-input').locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+Home')
  for (let line = 0; line < 4; line += 1) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowLeft')
  for (let typed = 0; typed < keystrokes; typed += 1) {
    await page.keyboard.type('x')
    await page.waitForTimeout(pause)
  }
  await settled.waitFor()
  const measured = await page.evaluate(
    (name) => performance.getEntriesByName(name).map((entry) => entry.duration),
    findingsMeasure,
  )
  return { keystrokes: measured, paste, linkLength }
}

/** A percentile of some times, nearest rank. */
export function percentile(times: readonly number[], fraction: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}
