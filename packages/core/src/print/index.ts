export { printPolicy } from './print-policy.ts'
