/** The exit codes every command shares, as the README documents them. */
export const exitCodes = {
  /** The command did what was asked and found nothing at or above `--fail-on`. */
  success: 0,
  /**
   * Findings at or above `--fail-on`, an unmet `--expect`, nothing in the catalog matched, or a
   * sample expectation that `samples check` found not decided as recorded.
   */
  failure: 1,
  /** A usage error or input that cannot be read: nothing was checked. */
  usage: 2,
} as const
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]
