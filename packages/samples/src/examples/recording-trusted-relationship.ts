import type { SampleInput } from '../schema.ts'

/** The unexplained instruction that follows the recording example. */
export const recordingTrustedRelationship = {
  id: 'recording-trusted-relationship',
  title: 'Trusted relationship line after the recording example',
  kind: 'prose',
  services: ['connect', 'sts'],
  description:
    'A one-line instruction to set up a trusted relationship with an account, printed after the recording example with no steps and no policy.',
  printed: {
    original: {
      prose: 'Set up a trusted relationship with accountID.',
    },
    revised: {
      prose: 'Set up a trusted relationship with accountID.',
    },
  },
  comparison: { unchanged: ['prose'], whitespaceOnly: [] },
  placeholders: [],
  errata: [
    {
      id: 'unexplained-trust-relationship',
      versions: ['original', 'revised'],
      category: 'prose',
      severity: 'warning',
      what: 'an instruction with no steps, no policy and an unexplained placeholder',
      where: { part: 'prose', text: 'Set up a trusted relationship with accountID.' },
      why: 'an identity-based policy takes effect when attached to a user, group or role of the account that owns the instance; no trust relationship is involved. A trust relationship (the trust policy of a role) matters only when a principal of another account assumes that role, and the sentence says neither which account nor which role.',
      fix: 'drop the sentence, or explain the cross-account case: create the role in the account that owns the instance, attach the policy to it, and name the other account in the role’s trust policy (`sts:AssumeRole`)',
      reference: 'IAM User Guide: Cross account resource access in IAM',
    },
  ],
  expectations: [],
} satisfies SampleInput
