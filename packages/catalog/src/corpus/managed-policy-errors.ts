// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables in texts, not templates
/**
 * The error-severity findings the validator gives over the AWS managed policies, each group
 * with the reason it is true. A test holds the corpus to this list both ways: a new error fails
 * it (a false alarm to fix, or a new truth to explain here), and so does one that no longer
 * occurs. docs/findings.md publishes it.
 */
export interface ExplainedErrors {
  readonly code: string
  /** The text each finding points at, as written in the policy. */
  readonly subjects: readonly string[]
  readonly reason: string
}

export const managedPolicyErrors: readonly ExplainedErrors[] = [
  {
    code: 'unknown-service',
    subjects: [
      'deepcomposer',
      'deeplens',
      'deepracer',
      'elastic-inference',
      'iot1click',
      'iotroborunner',
      'mobilehub',
      'sagemaker-groundtruth-synthetic',
      'zocalo',
    ],
    reason:
      'Services the Service Authorization Reference no longer lists: AWS DeepComposer, AWS ' +
      'DeepLens, AWS DeepRacer, Amazon Elastic Inference, AWS IoT 1-Click, AWS IoT RoboRunner, ' +
      'AWS Mobile Hub, Ground Truth synthetic data and Amazon WorkDocs (`zocalo`), all retired. ' +
      'Managed policies kept for old accounts still name them; a new policy should not.',
  },
  {
    code: 'unknown-service',
    subjects: ['builderid', 'datazonecontrol'],
    reason:
      'Prefixes that AWS consoles authorize but the reference has never documented (AWS ' +
      'Builder ID, the Amazon DataZone preview console). Nothing documented can be checked ' +
      'against them, so a policy written by hand that uses them is most likely mistaken.',
  },
  {
    code: 'unknown-action',
    subjects: [
      'cloudhsm:CreateLunaClient',
      'cloudhsm:DeleteLunaClient',
      'cloudhsm:DescribeHapg',
      'cloudhsm:DescribeLunaClient',
      'cloudhsm:GetConfig',
      'cloudhsm:ModifyHapg',
      'cloudhsm:ModifyLunaClient',
      'cloud9:ValidateEnvironmentName',
    ],
    reason:
      'Actions of retired APIs (CloudHSM Classic; an AWS Cloud9 console call) that the ' +
      'reference no longer lists for their service.',
  },
  {
    code: 'unknown-action',
    subjects: [
      'budgets:CreateBudget',
      'budgets:DeleteBudget',
      'budgets:DescribeBudget',
      'budgets:DescribeBudgets',
      'budgets:UpdateBudget',
      'memorydb:ReplicateMultiRegionClusterData',
      'organizations:CreateBuilderIdOwnedAccount',
      'payments:AcceptTermsAndConditionsForProgramByAccountId',
      'payments:BatchGetPaymentProfiles',
      'payments:CreatePaymentAttempt',
      'payments:CreatePaymentProfile',
      'payments:Get',
      'payments:GetAcceptedTermsAndConditionsForProgramByAccountId',
      'payments:GetAccountBalance',
      'payments:GetDefaultPaymentProfile',
      'payments:GetEligibleCurrencies',
      'payments:GetPaymentAttempt',
      'payments:GetPaymentPreferences',
      'payments:GetPreferredCurrency',
      'payments:GetRecommendedTermsAndConditionsForProgram',
      'payments:ListPaymentProfiles',
      'payments:SearchFinancialRecords',
      'payments:SetPreferredCurrency',
      'payments:UpdatePaymentProfile',
      'qapps:ImportDocumentToQApp',
      'qapps:ImportDocumentToQAppSession',
      'route53-recovery-control-config:DescribeRoutingControlByName',
      'securityagent:BatchGetAgentInstances',
      'securityagent:BatchGetSecurityTestContentMetadata',
      'securityagent:BatchGetTasks',
      'securityagent:CreateDocumentReview',
      'securityagent:DeleteDocumentReview',
      'securityagent:GetCodeReviewTask',
      'securityagent:GetDocReviewTask',
      'securityagent:GetDocumentReview',
      'securityagent:GetDocumentReviewArtifact',
      'securityagent:ListAgentInstances',
      'securityagent:ListControls',
      'securityagent:ListDocumentReviewComments',
      'securityagent:ListDocumentReviews',
      'securityagent:ListTasks',
      'securityagent:StartPentestExecution',
      'securityagent:StopPentestExecution',
    ],
    reason:
      'Actions the reference does not list for a service it does list, although every one of ' +
      'these policies was last changed before the reference was: undocumented console calls ' +
      '(Payments, Builder ID accounts, Budgets under names the Budgets API does not use) and ' +
      'actions renamed since (AWS Security Agent). IAM accepts any action name, so AWS can ' +
      'publish them, but nothing documented says what they allow.',
  },
  {
    code: 'unknown-condition-key',
    subjects: ['aws:PrincipalOrgMasterAccountId'],
    reason:
      "Not a global condition key of the reference. AWS IAM Identity Center's service role " +
      'policy tests it with `StringNotEquals`, which matches when the request lacks the key, so ' +
      'its statement allows whether or not AWS ever sets it.',
  },
  {
    code: 'malformed-variable',
    subjects: ['arn:*:kms:*:${aws:PrincipalAccount}:key/*'],
    reason:
      'A policy variable in the account field of an ARN. IAM reads variables only after the ' +
      'fifth colon ("You can\'t use a variable to replace parts of the ARN before the fifth ' +
      'colon, such as the service or account", *Variables and tags*), so this Resource names the ' +
      'account `${aws:PrincipalAccount}` literally and matches no key: the Amazon Timestream for ' +
      'InfluxDB service role policy allows nothing through it.',
  },
]
