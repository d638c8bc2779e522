import fc from 'fast-check'

// Every property runs at least 1,000 cases in CI; a failure prints its seed and path to replay it.
fc.configureGlobal({ numRuns: 1000 })
