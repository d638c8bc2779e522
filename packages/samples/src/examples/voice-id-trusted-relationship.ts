import type { SampleInput } from '../schema.ts'

/** The unexplained instruction that follows the Voice ID example. */
export const voiceIdTrustedRelationship = {
  id: 'voice-id-trusted-relationship',
  title: 'Trusted relationship line after the Voice ID example',
  kind: 'prose',
  services: ['voiceid', 'sts'],
  description:
    'The same one-line instruction as after the Customer Profiles example, this time after the Voice ID example. Printed only in the original version.',
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
      why: 'the policy above is an identity-based policy and needs no trust relationship in its own account; trust comes in only when a principal of another account assumes a role, and the sentence names neither the role nor the direction of trust',
      fix: 'drop the sentence, or explain the cross-account case: a role in the account that owns the domain, with this policy attached and the other account named in its trust policy (`sts:AssumeRole`)',
      reference: 'IAM User Guide: Cross account resource access in IAM',
    },
    {
      id: 'domain-named-by-name',
      versions: ['original'],
      category: 'resource',
      severity: 'info',
      what: 'the domain is referred to by name',
      where: { part: 'prose', text: 'domain domainName' },
      why: 'Voice ID policies and ARNs refer to a domain by its ID (see `voice-id-full-access`)',
      fix: 'say "domain domainId"',
      reference: 'Service Authorization Reference: Amazon Connect Voice ID',
    },
  ],
  expectations: [],
} satisfies SampleInput
