import { runScenarioFile } from '../testing/scenarios.ts'
import scenarios from './control-levels.scenarios.json'

runScenarioFile('control-levels.scenarios.json', scenarios, { decidedBy: 'controlLevelDeny' })
