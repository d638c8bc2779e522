import { findingSeverities, policyTypes } from '@connect-policy/core'
import { principalKinds, sourceFormats, sourceProblemCodes } from '@connect-policy/sources'
import { z } from 'zod'
import type { Limits } from '../../env.ts'
import { defineOperation, noParameters } from '../../openapi/define-operation.ts'
import { suppressSchema, textEditSchema } from '../../schemas/finding.ts'
import { policyTypeSchema } from '../../schemas/policy.ts'
import { sourceRangeSchema } from '../../schemas/source.ts'

/**
 * What the API says of a file besides what `@connect-policy/sources` says: a policy it found
 * whose text is over `POLICY_MAX_CHARS`, which it leaves unvalidated.
 */
export const policyOverLimit = 'policy-over-limit'

/** The codes of `SourceProblem`: the package's, and the API's own. */
export const sourceProblemCodesAnswered = [...sourceProblemCodes, policyOverLimit] as const

/** A small CloudFormation template of the kind people keep their policies in. */
export const exampleTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  InstanceId:
    Type: String
Resources:
  AgentRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: agent-workspace
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - connect:DescribeUser
                  - connect:DescribeInstanc
                Resource: !Sub "arn:\${AWS::Partition}:connect:\${AWS::Region}:\${AWS::AccountId}:instance/\${InstanceId}/*"
`

const inTheFile = (what: string) => sourceRangeSchema.describe(`${what}, in the file`)

const foundPolicySchema = z
  .object({
    path: z
      .string()
      .describe(
        'where the policy is in the file, stable across edits elsewhere: `Resources.AgentRole.Properties.Policies[0].PolicyDocument`; empty for a file that is one policy',
      ),
    label: z.string().describe('what the policy is, for people: `AgentRole: inline policy agent`'),
    policyType: z.enum(policyTypes).describe('what the file says the policy is attached as'),
    range: inTheFile('the policy'),
    unknown: z
      .string()
      .optional()
      .describe(
        'why the policy has no text to validate: a Terraform plan knows it only after `terraform apply`',
      ),
  })
  .meta({ id: 'FoundPolicy', description: 'A policy found in a file.' })

const accountPrincipalSchema = z
  .object({
    kind: z.enum(principalKinds),
    name: z.string(),
    arn: z.string(),
    identityPolicies: z
      .array(z.string())
      .describe(
        "paths (`FoundPolicy.path`) of its inline policies, of the managed policies attached and, for a user, of its groups' policies",
      ),
    permissionsBoundary: z.string().optional().describe('path of its permissions boundary'),
    trustPolicy: z.string().optional().describe("path of a role's trust policy"),
    groups: z.array(z.string()).optional().describe('for a user: the groups it is in'),
    missingPolicies: z
      .array(z.string())
      .describe('ARNs of managed policies attached that the export does not hold'),
  })
  .meta({
    id: 'AccountPrincipal',
    description: 'A user, group or role of an account export, with where its policies are.',
  })

const sourceProblemSchema = z
  .object({
    code: z.enum(sourceProblemCodesAnswered),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    range: inTheFile('what it is about'),
  })
  .meta({
    id: 'SourceProblem',
    description:
      "Something about the file rather than a policy: a policy known only after `terraform apply` (`policy-known-after-apply`), a value where a policy should be that is not one (`not-a-policy`), a policy over this server's `POLICY_MAX_CHARS`, left unvalidated (`policy-over-limit`).",
  })

const sourceFindingSchema = z
  .object({
    code: z.string().describe('a stable kebab-case code that `suppress` accepts'),
    severity: z.enum(findingSeverities),
    message: z.string(),
    range: inTheFile('where it is'),
    fix: textEditSchema
      .optional()
      .describe(
        'an edit of the file that resolves it, where the file is JSON and the edit falls on text the file holds as the policy does',
      ),
    policy: z.string().describe('the `path` of the policy it is about'),
    policyLabel: z.string().describe('the `label` of that policy'),
    fingerprint: z
      .string()
      .describe(
        'stable across edits elsewhere in the file: the code, the policy, the text it points at and which of its kind it is (for baselines)',
      ),
  })
  .meta({
    id: 'SourceFinding',
    description: 'A finding of a policy in a file, positioned in the file.',
  })

export function sourcesValidateOperation(limits: Limits) {
  return defineOperation({
    method: 'post',
    path: '/v1/sources/validate',
    operationId: 'validateSourceFile',
    tag: 'Policies',
    summary: 'Validate the policies of a file',
    description: `Reads the file people keep policies in, recognised by its content (never its name): an IAM policy, a CloudFormation or CDK template (JSON, or YAML with short tags such as \`!Sub\`), a Terraform plan or state (\`terraform show -json\`), the output of \`aws iam get-account-authorization-details\`, \`get-policy-version\` or \`get-role-policy\`. Validates every policy in it as what the file says it is attached as, and positions each finding in the file (line and column as an editor shows them; offsets count from after a byte order mark). A value only the deployment knows (\`!Ref Bucket\`, \`\${AWS::AccountId}\`) is read as a placeholder such as \`{{Ref Bucket}}\`, which the validator does not judge, unless \`parameters\` gives it. A comment \`# connect-policy-ignore: <codes>\` on a YAML line, or on the line above, suppresses those findings there; they are counted in \`suppressed\`. Files of at most ${limits.sourceChars} characters; a policy of the file over ${limits.policyChars} characters is reported in \`problems\` (\`policy-over-limit\`) and not validated. A file that is none of the formats is a 422.`,
    params: noParameters,
    query: noParameters,
    body: z
      .strictObject({
        file: z
          .strictObject({
            name: z
              .string()
              .min(1)
              .max(1024)
              .describe("the file's name or path, as messages name it; not read for the format"),
            text: z
              .string()
              .max(limits.sourceChars)
              .describe(`the file's text (at most ${limits.sourceChars} characters)`),
          })
          .meta({ id: 'SourceFile', description: 'A file that holds policies.' }),
        policyType: policyTypeSchema
          .optional()
          .describe(
            'what a file that is one policy alone is attached as, `identity` unless said; the other formats say it of each policy',
          ),
        suppress: suppressSchema.optional().describe('finding codes not to report'),
        parameters: z
          .record(z.string().min(1).max(256), z.string().max(2048))
          .optional()
          .describe(
            "values of a CloudFormation template's parameters, and of pseudo parameters by their full name (`AWS::AccountId`), written in where the template refers to them",
          ),
      })
      .meta({
        id: 'SourceValidateRequest',
        example: {
          file: { name: 'connect-agents.yaml', text: exampleTemplate },
          parameters: { InstanceId: 'a1b2c3d4-5678-90ab-cdef-111122223333' },
        },
      }),
    response: {
      description:
        'The format read, the policies found, and the findings of every policy, positioned in the file.',
      schema: z
        .object({
          format: z.enum(sourceFormats),
          formatName: z.string().describe('the format, in words: `CloudFormation template`'),
          policies: z.array(foundPolicySchema),
          principals: z
            .array(accountPrincipalSchema)
            .describe('for an account export: each user, group and role; empty otherwise'),
          problems: z.array(sourceProblemSchema),
          findings: z.array(sourceFindingSchema),
          suppressed: z
            .int()
            .nonnegative()
            .describe("findings left out by the file's suppression comments"),
        })
        .meta({ id: 'SourceValidateResponse' }),
    },
    problems: ['unrecognized-file', 'unreadable-file'],
  })
}

export type SourcesValidateOperation = ReturnType<typeof sourcesValidateOperation>
