/**
 * One authorization question: may this principal perform this action on these resources?
 *
 * Several resources model actions that AWS authorizes against more than one resource at once,
 * such as Amazon Connect's `CreateUser`, which needs the user, every security profile, the
 * routing profile and the hierarchy group of the call (*Actions, resources, and condition keys
 * for Amazon Connect*). The request is allowed only if every resource is.
 */
export interface AuthorizationRequest {
  /** `service:Action`, for example `connect:CreateUser`. */
  readonly action: string
  readonly resource: string | readonly string[]
  /** The calling principal's ARN. */
  readonly principal?: string
  /**
   * Request context keys and their values. Keys AWS derives from the request (principal, time,
   * Region, Amazon Connect instance) are filled in where not given.
   */
  readonly context?: Readonly<Record<string, unknown>>
  /** When the request is made (ISO 8601, epoch seconds or a date): sets `aws:CurrentTime` and `aws:EpochTime`. */
  readonly time?: string | number | Date
}
