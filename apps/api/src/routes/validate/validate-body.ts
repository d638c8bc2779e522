import { policyText, policyTypeNamed, validatePolicy } from '@connect-policy/core'
import type { z } from 'zod'
import type { CatalogProvider } from '../../dependencies.ts'
import type { DeepReadonly } from '../../http/handle.ts'
import type { ValidateOperation } from './schemas.ts'

export type ValidateBody = z.output<NonNullable<ValidateOperation['body']>>
export type ValidateAnswer = DeepReadonly<z.input<ValidateOperation['response']['schema']>>

/** The validation of `POST /v1/validate`'s body, as a worker thread runs it. */
export function validator(catalog: CatalogProvider): (body: ValidateBody) => ValidateAnswer {
  return (body) => {
    // the schema takes text or an object, which core reads as the JSON it writes for it
    const text = policyText(body.policy).text ?? ''
    const policyType = policyTypeNamed(body.policyType)
    const findings = validatePolicy(text, {
      catalog: catalog.catalog(),
      ...(policyType === undefined ? {} : { policyType }),
      ...(body.suppress === undefined ? {} : { suppress: body.suppress }),
    })
    return typeof body.policy === 'string' ? { findings } : { findings, text }
  }
}
