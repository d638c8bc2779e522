import { runScenarioFile } from '../testing/scenarios.ts'
import scenarios from './cross-account.scenarios.json'

// how the request's accounts are read; `requiredLayers` decides each, asking the resource-based
// policy too when they differ
runScenarioFile('cross-account.scenarios.json', scenarios, { decidedBy: 'requiredLayers' })
