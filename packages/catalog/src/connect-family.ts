/**
 * The service prefixes of Amazon Connect and the services it is built from or sold with, by the
 * names the Service Authorization Reference gives them: Amazon Connect, Amazon AppIntegrations,
 * Customer Profiles, Amazon Q in Connect (`wisdom`), Voice ID, Outbound Campaigns, Cases and
 * Amazon Connect Health.
 */
export const connectFamily = [
  'connect',
  'app-integrations',
  'profile',
  'wisdom',
  'voiceid',
  'connect-campaigns',
  'cases',
  'health-agent',
] as const
