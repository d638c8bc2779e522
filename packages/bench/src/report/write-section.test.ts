import { describe, expect, it } from 'vitest'
import { endMarker, startMarker, withSection } from './write-section.ts'

const api = '<!-- api:start -->\n## API\n\nnumbers\n<!-- api:end -->'

describe('withSection', () => {
  it('creates the document with a title when there is none', () => {
    expect(withSection(undefined, 'core')).toBe(
      `# Benchmarks\n\n${startMarker}\ncore\n${endMarker}\n`,
    )
  })

  it('adds the section after what the document holds, keeping it byte for byte', () => {
    const document = `# Benchmarks\n\n${api}\n`
    const written = withSection(document, 'core')
    expect(written.startsWith(`# Benchmarks\n\n${api}\n`)).toBe(true)
    expect(written.endsWith(`${startMarker}\ncore\n${endMarker}\n`)).toBe(true)
  })

  it('replaces only its own section, wherever it is', () => {
    const document = `# Benchmarks\n\n${startMarker}\nold\n${endMarker}\n\n${api}\n`
    expect(withSection(document, 'new')).toBe(
      `# Benchmarks\n\n${startMarker}\nnew\n${endMarker}\n\n${api}\n`,
    )
  })
})

describe('withSection, for a named section', () => {
  it('replaces that section and leaves the core one as it is', () => {
    const document = `${startMarker}\ncore\n${endMarker}\n\n<!-- growth:start -->\nold\n<!-- growth:end -->\n`
    expect(withSection(document, 'new', 'growth')).toBe(
      `${startMarker}\ncore\n${endMarker}\n\n<!-- growth:start -->\nnew\n<!-- growth:end -->\n`,
    )
  })
})
