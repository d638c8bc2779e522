/**
 * The one order of actions on the site: by service prefix, then by action name, both without
 * regard to case (`connect:ListAgentStatuses` before `connect:ListAWSAccounts`, which code-unit
 * order reverses), and by code units last, so that the order is total and the same on every run.
 * A name without a service prefix (a service page's `DescribeUser`) sorts as one of no service.
 * Every list or table of actions the generator emits is sorted with it.
 */
export function compareActions(a: string, b: string): number {
  const [serviceA, nameA] = split(a)
  const [serviceB, nameB] = split(b)
  return (
    compareText(serviceA.toLowerCase(), serviceB.toLowerCase()) ||
    compareText(nameA.toLowerCase(), nameB.toLowerCase()) ||
    compareText(a, b)
  )
}

function split(action: string): readonly [string, string] {
  const colon = action.indexOf(':')
  return colon < 0 ? ['', action] : [action.slice(0, colon), action.slice(colon + 1)]
}

// Code units, not the locale: the order must not depend on the machine that builds the site.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
