export { clientKey } from './client-key.ts'
export { type RateLimitOptions, rateLimit } from './rate-limit.ts'
export { type WindowCounter, type WindowUsage, windowCounter } from './window-counter.ts'
