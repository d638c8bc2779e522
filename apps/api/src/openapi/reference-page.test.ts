import { describe, expect, it } from 'vitest'
import { escapeHtml, inlineMarkdown } from './reference-page.ts'

describe('the reference page', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
  ])('escapes %s', (text, html) => {
    expect(escapeHtml(text)).toBe(html)
  })

  it.each([
    ['send `application/json`', 'send <code>application/json</code>'],
    ['the page *Amazon Connect examples*.', 'the page <em>Amazon Connect examples</em>.'],
    ['`connect:*` and `*:Get*`', '<code>connect:*</code> and <code>*:Get*</code>'],
    ['`<b>` stays text', '<code>&lt;b&gt;</code> stays text'],
    ['a * b * c', 'a * b * c'],
  ])('renders %s', (text, html) => {
    expect(inlineMarkdown(text)).toBe(html)
  })
})
