import { runScenarioFile } from '../testing/scenarios.ts'
import scenarios from './required-layers.scenarios.json'

runScenarioFile('required-layers.scenarios.json', scenarios, { decidedBy: 'requiredLayers' })
