import { writeFileSync } from 'node:fs'
import { readManagedPolicies } from '../src/corpus/read-managed-policies.ts'
import { surveyPolicies } from '../src/corpus/survey-policies.ts'
import { buildFindingsDocument } from '../src/findings-document/build-findings-document.ts'
import { findingsDocumentPath } from '../src/findings-document/findings-document-path.ts'

const corpus = readManagedPolicies()
const text = buildFindingsDocument(corpus, surveyPolicies(corpus.policies))
writeFileSync(findingsDocumentPath, text)
console.log(`wrote ${findingsDocumentPath}`)
