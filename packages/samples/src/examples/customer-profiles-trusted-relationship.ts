import type { SampleInput } from '../schema.ts'

/** The unexplained instruction that follows the Customer Profiles example. */
export const customerProfilesTrustedRelationship = {
  id: 'customer-profiles-trusted-relationship',
  title: 'Trusted relationship line after the Customer Profiles example',
  kind: 'prose',
  services: ['profile', 'sts'],
  description:
    'A one-line instruction to set up a trusted relationship between an account and a Customer Profiles domain, with no steps and no policy. Printed only in the original version.',
  printed: {
    original: {
      prose: 'Set up a trusted relationship with accountID to domain domainName.',
    },
  },
  placeholders: [],
  errata: [
    {
      id: 'unexplained-trust-relationship',
      versions: ['original'],
      category: 'prose',
      severity: 'warning',
      what: 'an instruction with no steps, no policy and unexplained placeholders',
      where: {
        part: 'prose',
        text: 'Set up a trusted relationship with accountID to domain domainName.',
      },
      why: 'the policy above is an identity-based policy: attached to a user, group or role of the account that owns the domain, it needs no trust relationship. Trust comes in only when a principal of another account assumes a role of that account, and the sentence names neither the role nor the direction of trust.',
      fix: 'drop the sentence, or explain the cross-account case: a role in the account that owns the domain, with this policy attached and the other account named in its trust policy (`sts:AssumeRole`)',
      reference: 'IAM User Guide: Cross account resource access in IAM',
    },
  ],
  expectations: [],
} satisfies SampleInput
