import { defineConfig } from '@playwright/test';
import { E2E_ORIGIN, E2E_PORT } from './test/e2e/origin.ts';

/** Debian's Chromium (never a downloaded browser); flags keep it off the network in this sandbox. */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: E2E_ORIGIN,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node test/e2e/server.mjs`,
    env: { PORT: String(E2E_PORT) },
    url: `${E2E_ORIGIN}/package.json`,
    reuseExistingServer: true,
    timeout: 30_000,
  },
});
