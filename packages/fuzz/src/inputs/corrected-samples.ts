import { type Sample, samples } from '@connect-policy/samples'

/** The documented examples with a corrected policy: the sets that request inputs are decided by. */
export const correctedSamples: readonly (Sample & { readonly corrected: string })[] =
  samples.filter(
    (sample): sample is Sample & { readonly corrected: string } => sample.corrected !== undefined,
  )
