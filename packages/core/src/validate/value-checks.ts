import { unreadableValues } from '../evaluate/readable-value.ts'
import type { CheckContext } from './check-context.ts'

/**
 * Principal values and condition values that cannot be read (`unreadableValues`): a principal
 * that is neither `*`, an account ID nor an ARN, spaces or control characters around one, and a
 * malformed policy variable in a condition value. Actions, resources and condition keys are
 * checked with their own elements.
 */
export function checkPrincipalAndConditionValues(context: CheckContext): void {
  for (const facts of context.statements) {
    for (const value of unreadableValues(facts.statement, context.variablesEnabled)) {
      const principal = value.element === 'Principal' || value.element === 'NotPrincipal'
      const conditionValue = value.element === 'Condition' && value.code === 'malformed-variable'
      if (principal || conditionValue) {
        context.report(value.code, 'error', value.message, value.range)
      }
    }
  }
}
