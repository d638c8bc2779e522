import { runScenarioFile } from '../testing/scenarios.ts'
import scenarios from './explicit-deny.scenarios.json'

runScenarioFile('explicit-deny.scenarios.json', scenarios, { decidedBy: 'explicitDeny' })
