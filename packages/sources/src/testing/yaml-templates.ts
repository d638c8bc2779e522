/**
 * Small CloudFormation templates in YAML, written line by line for the tests that need a template
 * of their own: a line number a test names is counted from the lines written here.
 */

/** A template of the resources given, each as its lines below `Resources:`. */
export function templateYaml(...resources: readonly (readonly string[])[]): string {
  return ['Resources:', ...resources.flat()].join('\n')
}

/**
 * The lines of an `AWS::IAM::ManagedPolicy` resource whose document's `Statement` list holds the
 * lines given, each written at the depth of the list's items (`- Effect: Allow`, `  Action: …`).
 * With `version: false` the document has no `Version`.
 */
export function managedPolicyYaml(
  id: string,
  statements: readonly string[],
  { version = true }: { readonly version?: boolean } = {},
): string[] {
  return [
    `  ${id}:`,
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      PolicyDocument:',
    ...(version ? ['        Version: "2012-10-17"'] : []),
    '        Statement:',
    ...statements.map((line) => `          ${line}`),
  ]
}
