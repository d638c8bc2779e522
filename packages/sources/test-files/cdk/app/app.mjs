// A tiny CDK v2 app: the IAM side of an Amazon Connect contact centre's agents.
// `npx cdk synth` writes cdk.out/ConnectAgentsStack.template.json.
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as kms from 'aws-cdk-lib/aws-kms'
import * as s3 from 'aws-cdk-lib/aws-s3'
import * as sqs from 'aws-cdk-lib/aws-sqs'

const INSTANCE_ID = '3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63'

const app = new App()
const stack = new Stack(app, 'ConnectAgentsStack', {
  description: 'IAM for Amazon Connect agents (test file for connect-policy)',
})

// arn:${Partition}:connect:${Region}:${AccountId}:instance/<id>/* built from tokens (Fn::Join)
const instanceArn = stack.formatArn({ service: 'connect', resource: 'instance', resourceName: INSTANCE_ID })
const instanceChildren = `${instanceArn}/*`

// SAML federation for the agents' console sign-in
const samlProvider = new iam.SamlProvider(stack, 'AgentIdp', {
  name: 'connect-agents-idp',
  metadataDocument: iam.SamlMetadataDocument.fromXml(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml/metadata">',
      '<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
      '<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>',
      // not a real certificate: the template is never deployed
      'MIIDBzCCAe+gAwIBAgIJAO6c3vEXAMPLEMA0GCSqGSIb3DQEBCwUAMBoxGDAWBgNVBAMMD2lkcC5leGFtcGxlLmNvbTAeFw0yNDAxMDEwMDAwMDBaFw0zNDAxMDEwMDAwMDBaMBoxGDAWBgNVBAMMD2lkcC5leGFtcGxlLmNvbTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE',
      '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
      '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
      '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/saml/sso"/>',
      '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/saml/sso"/>',
      '</md:IDPSSODescriptor>',
      '</md:EntityDescriptor>',
    ].join(''),
  ),
})

const agentRole = new iam.Role(stack, 'AgentRole', {
  roleName: 'ConnectAgent',
  assumedBy: new iam.SamlConsolePrincipal(samlProvider),
  maxSessionDuration: Duration.hours(12),
  description: 'Assumed by contact-centre agents through the SAML IdP',
})

// addToPolicy: the role's default policy (AWS::IAM::Policy AgentRoleDefaultPolicy...)
agentRole.addToPolicy(
  new iam.PolicyStatement({
    sid: 'AgentWorkspace',
    actions: [
      'connect:DescribeUser',
      'connect:ListQueue', // deliberate: the real action is connect:ListQueues
    ],
    resources: [instanceChildren],
  }),
)
agentRole.addToPolicy(
  new iam.PolicyStatement({
    sid: 'OutboundCalls',
    actions: ['connect:StartOutboundVoiceContact'], // takes no resource: only "*" reaches it
    resources: ['*'],
  }),
)

// grant: the other way to add to the same default policy
iam.Grant.addToPrincipal({
  grantee: agentRole,
  actions: ['connect:GetFederationToken'],
  resourceArns: [`arn:aws:connect:eu-west-2:111122223333:instance/${INSTANCE_ID}`],
})

const key = new kms.Key(stack, 'RecordingsKey', {
  description: 'Encrypts Connect call recordings and contact events',
  enableKeyRotation: true,
  removalPolicy: RemovalPolicy.RETAIN,
})
key.addToResourcePolicy(
  new iam.PolicyStatement({
    sid: 'AllowConnectToUseTheKey',
    principals: [new iam.ServicePrincipal('connect.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
    conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
  }),
)

const recordings = new s3.Bucket(stack, 'Recordings', {
  encryption: s3.BucketEncryption.KMS,
  encryptionKey: key,
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: RemovalPolicy.RETAIN,
})
recordings.grantRead(agentRole) // Fn::GetAtt Recordings.Arn and Fn::Join [.., "/*"], plus kms:Decrypt on the key

new iam.ManagedPolicy(stack, 'ConnectReadOnly', {
  managedPolicyName: 'ConnectAgentsReadOnly',
  description: 'Read-only view of the contact centre',
  roles: [agentRole],
  statements: [
    new iam.PolicyStatement({
      actions: ['connect:Describe*', 'connect:List*', 'connect:GetCurrentMetricData'],
      resources: [instanceArn, instanceChildren],
    }),
    new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['connect:DeleteInstance'],
      resources: ['*'],
    }),
  ],
})

const contactEvents = new sqs.Queue(stack, 'ContactEvents', {
  encryptionMasterKey: key,
  retentionPeriod: Duration.days(4),
})
contactEvents.addToResourcePolicy(
  new iam.PolicyStatement({
    sid: 'ConnectSendsContactEvents',
    principals: [new iam.ServicePrincipal('connect.amazonaws.com')],
    actions: ['sqs:SendMessage'],
    resources: [contactEvents.queueArn],
    conditions: { ArnLike: { 'aws:SourceArn': instanceArn } },
  }),
)

app.synth()
