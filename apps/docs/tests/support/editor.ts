import type { Page } from 'playwright-core'

/** The editing area of the code editor with this test id. */
const content = (page: Page, testId: string) => page.getByTestId(testId).locator('.cm-content')

/**
 * The text of a code editor, read from its lines as drawn. CodeMirror draws the lines in and
 * near the view only, so this is for texts of a few hundred lines: the tests' policies.
 */
export async function editorText(page: Page, testId: string): Promise<string> {
  return content(page, testId)
    .locator('.cm-line')
    .evaluateAll((lines) => lines.map((line) => line.textContent ?? '').join('\n'))
}

/** Replaces the text of a code editor as a person does: select all, then paste. */
export async function pasteIntoEditor(page: Page, testId: string, text: string): Promise<void> {
  const editing = content(page, testId)
  await editing.click()
  await page.keyboard.press('ControlOrMeta+a')
  await editing.evaluate((element, pasted) => {
    const data = new DataTransfer()
    data.setData('text/plain', pasted)
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

/** Puts the cursor right after the first occurrence of `text` in a code editor's drawn lines. */
export async function placeCursorAfter(page: Page, testId: string, text: string): Promise<void> {
  const line = content(page, testId).locator('.cm-line', { hasText: text }).first()
  await line.evaluate((element, searched) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    let seen = ''
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      nodes.push(node as Text)
      seen += (node as Text).data
    }
    let end = seen.indexOf(searched) + searched.length
    for (const node of nodes) {
      if (end <= node.data.length) {
        const range = document.createRange()
        range.setStart(node, end)
        range.collapse(true)
        const selection = window.getSelection()
        selection?.removeAllRanges()
        selection?.addRange(range)
        return
      }
      end -= node.data.length
    }
  }, text)
}
