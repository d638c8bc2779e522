import packageJson from '../package.json' with { type: 'json' }

/** The CLI's version, from its package.json; the binary carries it inlined. */
export const version: string = packageJson.version
