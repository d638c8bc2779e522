/** Where `pnpm bench` leaves its last run for `pnpm bench:check`. */
export const resultsPath = new URL('../results/latest.json', import.meta.url)
/** Where `pnpm bench` and `bench:adversarial` leave the last run of the growth families. */
export const growthResultsPath = new URL('../results/growth.json', import.meta.url)
