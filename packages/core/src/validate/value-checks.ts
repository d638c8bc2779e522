import { unreadableConditionValues, unreadablePrincipals } from '../evaluate/readable-value.ts'
import type { CheckContext } from './check-context.ts'

/**
 * Principal values and condition values that cannot be read (`unreadableValues`): a principal
 * that is neither `*`, an account ID nor an ARN, spaces or control characters around one, and a
 * malformed policy variable in a condition value. Actions, resources and condition keys are
 * checked with their own elements.
 */
export function checkPrincipalAndConditionValues(context: CheckContext): void {
  for (const facts of context.statements) {
    const { statement } = facts
    // condition keys are reported with their conditions (condition-checks.ts)
    const values = [
      ...unreadablePrincipals(statement).filter((value) => value.code !== 'deploy-time-value'),
      ...unreadableConditionValues(statement, context.variablesEnabled).filter(
        (value) => value.code === 'malformed-variable',
      ),
    ]
    for (const value of values) context.report(value.code, 'error', value.message, value.range)
  }
}
