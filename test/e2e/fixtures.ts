/**
 * Playwright fixtures: every test gets a fresh *persistent* Chromium profile on disk. Incognito contexts keep
 * IndexedDB in memory, which behaves (and performs) unlike a real browser profile.
 */
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ORIGIN } from './origin.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launches a persistent context over `dir` (a profile directory that survives the context). */
export function launchProfile(dir: string, options: { acceptDownloads?: boolean; offline?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL: E2E_ORIGIN,
    acceptDownloads: options.acceptDownloads ?? true,
    viewport: { width: 1280, height: 800 },
  });
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'pocketsearch-profile-'));
}

interface Fixtures {
  profileDir: string;
  context: BrowserContext;
  page: Page;
}

export const test = base.extend<Fixtures>({
  profileDir: async ({}, use) => {
    const dir = newProfileDir();
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const context = await launchProfile(profileDir);
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

export { expect } from '@playwright/test';

/** Opens the engine test page and waits for the library to load. */
export async function openEnginePage(page: Page): Promise<void> {
  await page.goto('/test/e2e/pages/engine.html');
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
}
