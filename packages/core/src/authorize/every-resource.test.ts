import { runScenarioFile } from '../testing/scenarios.ts'
import scenarios from './every-resource.scenarios.json'

runScenarioFile('every-resource.scenarios.json', scenarios, { decidedBy: 'decideRequest' })
