import { describe, expect, it } from 'vitest'
import { withSection } from './write-section.ts'

const core = '<!-- core:start -->\n## Core\n<!-- core:end -->'

describe('withSection', () => {
  it('adds the section at the end, keeping the other sections', () => {
    expect(withSection(`# Benchmarks\n\n${core}\n`, 'fuzz figures')).toBe(
      `# Benchmarks\n\n${core}\n\n<!-- fuzz:start -->\nfuzz figures\n<!-- fuzz:end -->\n`,
    )
  })

  it('replaces the section in place', () => {
    const before = `# B\n\n<!-- fuzz:start -->\nold\n<!-- fuzz:end -->\n\n${core}\n`
    expect(withSection(before, 'new')).toBe(
      `# B\n\n<!-- fuzz:start -->\nnew\n<!-- fuzz:end -->\n\n${core}\n`,
    )
  })

  it('titles an empty document', () => {
    expect(withSection(undefined, 'x')).toBe(
      '# Benchmarks\n\n<!-- fuzz:start -->\nx\n<!-- fuzz:end -->\n',
    )
  })
})
