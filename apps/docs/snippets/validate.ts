// #region validate
import { validatePolicy } from '@connect-policy/catalog'

const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "connect:DescribeUsr", "Resource": "*", }
  ]
}`

for (const finding of validatePolicy(text)) {
  const { line, column } = finding.range.start
  console.log(`${line}:${column} ${finding.severity} ${finding.code}`)
}
// Each finding also has a `message` (`DescribeUsr` is not an action of Amazon Connect: did you
// mean `connect:DescribeUser`…) and, where one exists, a `fix` as a text edit.
// Prints:
// 4:36 error unknown-action
// 4:74 error trailing-comma
// #endregion validate
