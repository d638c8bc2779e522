import { runScenarioFile } from '../testing/scenarios.ts'
import scenarios from './policy-problems.scenarios.json'

runScenarioFile('policy-problems.scenarios.json', scenarios)
