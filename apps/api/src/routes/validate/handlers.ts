import { policyText, policyTypeNamed, validatePolicy } from '@connect-policy/core'
import type { CatalogProvider } from '../../dependencies.ts'
import type { Handler } from '../../http/handle.ts'
import type { ValidateOperation } from './schemas.ts'

export function validate(catalog: CatalogProvider): Handler<ValidateOperation> {
  return ({ body }) => {
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
