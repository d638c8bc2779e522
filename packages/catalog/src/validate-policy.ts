import {
  type Finding,
  type ValidateOptions,
  validatePolicy as validateWith,
} from '@connect-policy/core'
import { awsCatalog } from './aws-catalog.ts'

/** `validatePolicy` of `@connect-policy/core` with the whole AWS service reference applied. */
export function validatePolicy(
  text: string,
  options: Omit<ValidateOptions, 'catalog'> = {},
): Finding[] {
  // options that are not an object are for core to name; the reference is applied whatever
  const given = typeof options === 'object' && options !== null && !Array.isArray(options)
  return validateWith(text, given ? { ...options, catalog: awsCatalog() } : options)
}
