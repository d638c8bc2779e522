import { awsCatalog } from '@connect-policy/catalog'
import { evaluateExpectation } from '../evaluation/evaluate-expectation.ts'
import { samples } from '../index.ts'
import { asDocumented } from './as-documented.ts'
import { useColor } from './env.ts'
import { type DemoSection, formatReport } from './format-report.ts'
import { toDemoRow } from './to-demo-row.ts'

// Decided as AWS decides, with the whole service reference.
const catalog = awsCatalog()
const sections: DemoSection[] = samples
  .filter((sample) => sample.expectations.length > 0)
  .map((sample) => ({
    id: sample.id,
    title: sample.title,
    rows: sample.expectations.map((expectation) =>
      toDemoRow(evaluateExpectation(sample, expectation, { catalog })),
    ),
  }))

process.stdout.write(formatReport(sections, { color: useColor(process.stdout, process.env) }))
if (!sections.every((section) => section.rows.every(asDocumented))) process.exitCode = 1
