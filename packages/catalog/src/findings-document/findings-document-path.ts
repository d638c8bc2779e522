import { fileURLToPath } from 'node:url'

/** Where the findings reference is published in the repository. */
export const findingsDocumentPath = fileURLToPath(
  new URL('../../../../docs/findings.md', import.meta.url),
)
