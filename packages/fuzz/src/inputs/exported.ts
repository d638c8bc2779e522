import * as audit from '@connect-policy/audit'
import * as catalog from '@connect-policy/catalog'
import * as core from '@connect-policy/core'
import * as samples from '@connect-policy/samples'
import type { ModuleName } from './fuzz-case.ts'

type AnyFunction = (...args: unknown[]) => unknown

/**
 * Exported functions left out of the calls with any arguments, with the reason: each reads the
 * same files whatever it is given, so calling it a million times measures the disk.
 */
export const notCalled: Readonly<Record<string, string>> = {
  'catalog.readIamData': 'takes no argument and reads every service reference file anew',
}

const entries: Readonly<Record<ModuleName, Readonly<Record<string, unknown>>>> = {
  core,
  catalog,
  samples,
  audit,
}

/** The functions each module exports, by name in a stable order, less `notCalled`. */
export function exportedFunctions(module: ModuleName): [string, AnyFunction][] {
  return Object.entries(entries[module])
    .filter((entry): entry is [string, AnyFunction] => typeof entry[1] === 'function')
    .filter(([name]) => notCalled[`${module}.${name}`] === undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
