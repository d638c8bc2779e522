import type { SampleInput } from '../schema.ts'

/** The page's title and introduction. */
export const pageIntroduction = {
  id: 'page-introduction',
  title: 'Page title and introduction',
  kind: 'prose',
  services: ['connect'],
  description:
    'The title of the page and its opening sentence: Amazon Connect lets IAM policies name individual resources of an instance rather than the whole service, and the examples that follow show how.',
  printed: {
    original: {
      heading: 'Amazon Connect resource-level policy examples',
      prose:
        'Amazon Connect supports resource-level permissions for IAM users, so you can specify actions for them for an instance, as shown in the following policies.',
    },
    revised: {
      heading: 'Amazon Connect resource-based policy examples',
      prose:
        'Amazon Connect supports resource-level permissions for IAM users, so you can specify actions for them for an instance, as shown in the following policies.',
    },
  },
  comparison: { unchanged: ['prose'], whitespaceOnly: [] },
  placeholders: [],
  errata: [
    {
      id: 'title-says-resource-based',
      versions: ['revised'],
      category: 'prose',
      severity: 'warning',
      what: 'the title calls the examples resource-based policies',
      where: { part: 'heading', text: 'resource-based' },
      why: 'every example is an identity-based policy: none has a Principal, and each is meant to be attached to an IAM user, group or role. A resource-based policy is attached to a resource and must name a principal. The introduction itself speaks of resource-level permissions, which is what the examples use.',
      fix: 'call the page "resource-level policy examples", as the original printing does',
      reference: 'IAM User Guide: Identity-based policies and resource-based policies',
    },
    {
      id: 'only-iam-users',
      versions: ['original', 'revised'],
      category: 'prose',
      severity: 'info',
      what: 'the introduction speaks of IAM users only',
      where: { part: 'prose', text: 'for IAM users' },
      why: 'the same policies work attached to IAM groups and roles, and later sections speak of a role',
      fix: 'say "for IAM identities (users, groups and roles)"',
    },
  ],
  expectations: [],
} satisfies SampleInput
