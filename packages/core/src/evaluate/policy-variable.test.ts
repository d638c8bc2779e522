// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in texts, not templates
import { describe, expect, it } from 'vitest'
import { parseTemplate, variableProblem } from './policy-variable.ts'

// 50,000 `${a ` before one `}`: each `${` was read to that `}` and its body matched anew, about
// a minute (5 s for 10,000); read once from the `}`, it takes milliseconds. Vitest cannot stop
// synchronous work at its timeout: the old reading would show as a minute of test time.
describe('parseTemplate is linear in the value', () => {
  it('for `${` repeated before one `}`', () => {
    const spaced = `${'${a '.repeat(50_000)}}`
    expect(parseTemplate(spaced)).toEqual({
      source: spaced,
      parts: [{ kind: 'text', text: spaced }],
      hasVariables: false,
    })
    const opened = `${'${'.repeat(100_000)}x}`
    expect(parseTemplate(opened).parts).toEqual([{ kind: 'variable', key: opened.slice(2, -1) }])
    const quoted = `${"${a, '".repeat(30_000)}x'}`
    expect(parseTemplate(quoted).hasVariables).toBe(true)
  })

  it('for `${` repeated with no `}`', () => {
    const opened = '${'.repeat(100_000)
    expect(parseTemplate(opened).hasVariables).toBe(false)
    expect(variableProblem(opened)).toBe('a policy variable has no closing `}`')
  })
})
