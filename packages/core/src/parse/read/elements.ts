/** The elements of a policy document (*IAM JSON policy elements reference*). */
export const documentElements = ['Version', 'Id', 'Statement'] as const

/** The elements of a statement (*Grammar of the IAM JSON policy language*). */
export const statementElements = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const
