export type { GlobAnswer, GlobQuery, GlobToken } from './glob-search.ts'
export { defaultGlobStates, globTokens, searchGlobs } from './glob-search.ts'
export { resourceTokens } from './resource-tokens.ts'
