import { type FindingSeverity, findingSeverities } from '@connect-policy/core'
import type { Paint, Style } from './style.ts'

/** The colour of each severity, gravest first. */
export function severityPaint(severity: FindingSeverity, style: Style): Paint {
  switch (severity) {
    case 'error':
      return style.red
    case 'security-warning':
      return style.magenta
    case 'warning':
      return style.yellow
    case 'suggestion':
      return style.cyan
  }
}

export type SeverityCounts = Readonly<Record<FindingSeverity, number>>

export function countBySeverity(
  severities: Iterable<FindingSeverity>,
): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = {
    error: 0,
    'security-warning': 0,
    warning: 0,
    suggestion: 0,
  }
  for (const severity of severities) counts[severity]++
  return counts
}

const names: Readonly<Record<FindingSeverity, readonly [string, string]>> = {
  error: ['error', 'errors'],
  'security-warning': ['security warning', 'security warnings'],
  warning: ['warning', 'warnings'],
  suggestion: ['suggestion', 'suggestions'],
}

/** `2 errors, 1 security warning`, gravest first, leaving out severities with none. */
export function describeCounts(counts: SeverityCounts, style: Style): string {
  const parts = findingSeverities
    .filter((severity) => counts[severity] > 0)
    .map((severity) => {
      const [one, many] = names[severity]
      const count = counts[severity]
      return severityPaint(severity, style)(`${count} ${count === 1 ? one : many}`)
    })
  return parts.length === 0 ? 'no findings' : parts.join(', ')
}
