import { describe, expect, it } from 'vitest'
import { runScenarioFile } from '../testing/scenarios.ts'
import { scenarioFileSchema } from './fixture-schema.ts'
import conditions from './fixtures/conditions.json'
import context from './fixtures/context.json'
import requestFindings from './fixtures/request-findings.json'
import unreadableValues from './fixtures/unreadable-values.json'
import variables from './fixtures/variables.json'
import wideReadings from './fixtures/wide-readings.json'

// the scenarios of each decision rule lie beside it, `<rule>.scenarios.json`, run by its test
const files: Record<string, unknown> = {
  conditions,
  context,
  'request-findings': requestFindings,
  'unreadable-values': unreadableValues,
  variables,
  'wide-readings': wideReadings,
}

describe('scenario files', () => {
  it('reject unknown fields', () => {
    const file = scenarioFileSchema.parse(conditions)
    const scenario = { ...file.scenarios[0], expect: 'Allow' }
    expect(scenarioFileSchema.safeParse({ ...file, scenarios: [scenario] }).success).toBe(false)
  })
})

for (const [name, data] of Object.entries(files)) runScenarioFile(`${name}.json`, data)
