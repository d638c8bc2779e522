import { runScenarioFile } from '../testing/scenarios.ts'
import scenarios from './resource-policy-grant.scenarios.json'

runScenarioFile('resource-policy-grant.scenarios.json', scenarios, {
  decidedBy: 'resourcePolicyGrant',
})
