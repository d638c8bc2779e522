import type { Locator, Page } from 'playwright-core'

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

/**
 * The first occurrence of `text` in a code editor's drawn lines, found across the text nodes
 * the editor splits a line into (one per highlighted token, or one for a line of plain text):
 * the cursor is put right after it, or the centre of its box is given.
 */
async function locateText(
  page: Page,
  testId: string,
  text: string,
  action: 'place-cursor' | 'measure',
): Promise<{ x: number; y: number } | undefined> {
  const line = content(page, testId).locator('.cm-line', { hasText: text }).first()
  return line.evaluate(
    (element, [searched, wanted]) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      let seen = ''
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        nodes.push(node as Text)
        seen += (node as Text).data
      }
      /** The text node and the offset in it of a character offset of the line. */
      const pointAt = (offset: number): [Text, number] | undefined => {
        let left = offset
        for (const node of nodes) {
          if (left <= node.data.length) return [node, left]
          left -= node.data.length
        }
        return undefined
      }
      const start = seen.indexOf(searched)
      const from = pointAt(start)
      const to = pointAt(start + searched.length)
      if (start < 0 || from === undefined || to === undefined) return undefined
      const range = document.createRange()
      range.setStart(...from)
      range.setEnd(...to)
      if (wanted === 'measure') {
        const box = range.getBoundingClientRect()
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      }
      range.collapse(false)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return undefined
    },
    [text, action] as const,
  )
}

/** Puts the cursor right after the first occurrence of `text` in a code editor's drawn lines. */
export async function placeCursorAfter(page: Page, testId: string, text: string): Promise<void> {
  await locateText(page, testId, text, 'place-cursor')
}

/** Moves the mouse over the first occurrence of `text` in a code editor, as a person hovers. */
export async function hoverOverText(page: Page, testId: string, text: string): Promise<void> {
  const centre = await locateText(page, testId, text, 'measure')
  if (centre === undefined) throw new Error(`no ${text} in the editor ${testId}`)
  await page.mouse.move(centre.x, centre.y)
}

/**
 * Types `typed` right after the first occurrence of `after` in a code editor, and gives the
 * options of the completion list that opens.
 */
export async function typeForCompletion(
  page: Page,
  testId: string,
  after: string,
  typed: string,
): Promise<Locator> {
  await placeCursorAfter(page, testId, after)
  await page.keyboard.type(typed)
  return page.locator('.cm-tooltip-autocomplete li')
}
