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
  return validateWith(text, { ...options, catalog: awsCatalog() })
}
