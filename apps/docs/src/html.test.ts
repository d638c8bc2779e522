// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables, not templates
import { describe, expect, it } from 'vitest'
import { escapeHtml, fence, headingText, htmlBlock, inlineHtml } from './html.ts'

describe('html', () => {
  it('escapes markup and the braces of Vue interpolations', () => {
    expect(escapeHtml(`<a href="x">{{ y }}</a> & 'z'`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#123;&#123; y &#125;&#125;&lt;/a&gt; &amp; &#39;z&#39;',
    )
  })

  it('turns backtick spans into code and escapes everything else', () => {
    expect(inlineHtml('use `<b>` or `${aws:username}`, not <b>')).toBe(
      'use <code>&lt;b&gt;</code> or <code>$&#123;aws:username&#125;</code>, not &lt;b&gt;',
    )
    expect(inlineHtml('a lone ` backtick')).toBe('a lone ` backtick')
  })

  it('keeps an HTML block free of blank lines, which would end it', () => {
    expect(htmlBlock('<p>a</p>\n\n  \n<p>b</p>', 'x')).toBe(
      '<div v-pre class="x">\n<p>a</p>\n<p>b</p>\n</div>',
    )
  })

  it('escapes heading text for Markdown and keeps braces from Vue', () => {
    expect(headingText('Allow "create users" <now>')).toBe('Allow "create users" &lt;now&gt;')
    expect(headingText('a_b*c')).toBe('a\\_b\\*c')
    expect(headingText('{{ x }}')).toBe('<span v-pre>{{ x }}</span>')
  })

  it('fences code with more backticks than it holds', () => {
    expect(fence('{}')).toBe('```json\n{}\n```')
    expect(fence('a ```` b', 'ts')).toBe('`````ts\na ```` b\n`````')
  })
})
