/** The AWS pages the checks rest on, each named once. */
export const awsPages = {
  emergencyLogin: {
    title: 'Amazon Connect Administrator Guide: Emergency login to the admin website',
    url: 'https://docs.aws.amazon.com/connect/latest/adminguide/emergency-admin-login.html',
  },
  federationToken: {
    title: 'Amazon Connect API Reference: GetFederationToken',
    url: 'https://docs.aws.amazon.com/connect/latest/APIReference/API_GetFederationToken.html',
  },
  securityProfileBestPractices: {
    title: 'Amazon Connect Administrator Guide: Best practices for security profiles',
    url: 'https://docs.aws.amazon.com/connect/latest/adminguide/security-profile-best-practices.html',
  },
  resourceLevelExamples: {
    title: 'Amazon Connect Administrator Guide: Amazon Connect resource-level policy examples',
    url: 'https://docs.aws.amazon.com/connect/latest/adminguide/security_iam_resource-level-policy-examples.html',
  },
  restrictAssociatedResources: {
    title:
      'Amazon Connect Administrator Guide: Restrict AWS resources that can be associated with Amazon Connect',
    url: 'https://docs.aws.amazon.com/connect/latest/adminguide/restrict-access-examples.html',
  },
  securityBestPractices: {
    title: 'Amazon Connect Administrator Guide: Security best practices for Amazon Connect',
    url: 'https://docs.aws.amazon.com/connect/latest/adminguide/security-best-practices.html',
  },
  serviceReference: {
    title:
      'Service Authorization Reference: Actions, resources, and condition keys for Amazon Connect',
    url: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonconnect.html',
  },
  recordings: {
    title: 'Amazon Connect Administrator Guide: Set up recording behavior',
    url: 'https://docs.aws.amazon.com/connect/latest/adminguide/set-up-recordings.html',
  },
  monitorContact: {
    title: 'Amazon Connect API Reference: MonitorContact',
    url: 'https://docs.aws.amazon.com/connect/latest/APIReference/API_MonitorContact.html',
  },
  outboundVoice: {
    title: 'Amazon Connect API Reference: StartOutboundVoiceContact',
    url: 'https://docs.aws.amazon.com/connect/latest/APIReference/API_StartOutboundVoiceContact.html',
  },
} as const
