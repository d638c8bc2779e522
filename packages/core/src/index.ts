export * from './authorize/index.ts'
export * from './match/index.ts'
export * from './model/index.ts'
