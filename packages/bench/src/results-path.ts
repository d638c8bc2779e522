/** Where `pnpm bench` leaves its last run for `pnpm bench:check`. */
export const resultsPath = new URL('../results/latest.json', import.meta.url)
