import type { Catalog } from '../catalog/index.ts'

/** What an evaluation may consult beyond the policies and the request. */
export interface EvaluationOptions {
  /**
   * The AWS service reference (`@connect-policy/catalog` gives it). With it, a service-specific
   * key AWS derives from the request (`connect:InstanceId`) is set only for the actions the
   * reference lists it for, and the result's findings say when the request names an action the
   * reference does not know or leaves out a resource the action is authorized against. Without
   * it, whether AWS sends such a key is not known: a statement that reads it is read with the key
   * and without it, and applies where that grants least (an Allow where both readings apply, a
   * Deny where either does).
   */
  readonly catalog?: Catalog
}
