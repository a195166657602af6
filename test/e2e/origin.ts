/**
 * The origin the e2e static server listens on. `E2E_PORT` moves it (default 4173), so that two checkouts can run
 * their browser suites on one machine at once.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
