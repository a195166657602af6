/**
 * Persisted storage (issue 10): `createClient({ persist: true })` asks `navigator.storage.persist()` once and tells
 * the app the answer (`client.persisted`); without the option nothing is asked. Chromium grants persistence on its
 * own heuristics (engagement, installed app, bookmark); here the grant is given through the DevTools protocol
 * (`durableStorage`), which is what a user's engagement would do. Run `node scripts/build.mjs lib` first.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openReliabilityPage } from './crashPage.ts';
import { E2E_ORIGIN } from './origin.ts';

/** Counts calls to `navigator.storage.persist()` (the real one still answers). */
async function spyOnPersist(page: Page): Promise<void> {
  await page.evaluate(() => {
    const storage = navigator.storage as StorageManager & { calls?: number };
    const real = storage.persist.bind(storage);
    storage.calls = 0;
    storage.persist = () => {
      storage.calls!++;
      return real();
    };
  });
}

function open(page: Page, name: string, persist?: boolean) {
  return page.evaluate(
    async ({ name, persist }) => {
      const client = await window.pocketsearch.createClient({ name, persist });
      const out = { persisted: client.persisted, calls: (navigator.storage as StorageManager & { calls?: number }).calls, browserSays: await navigator.storage.persisted() };
      await client.close();
      return out;
    },
    { name, persist },
  );
}

test('persist: true asks the browser once and reports its answer; without it nothing is asked', async ({ page, context }) => {
  await openReliabilityPage(page);
  await spyOnPersist(page);
  expect(await open(page, 'persist-off')).toEqual({ persisted: null, calls: 0, browserSays: false });
  const asked = await open(page, 'persist-on', true);
  expect(asked.calls).toBe(1);
  expect(asked.persisted).toBe(asked.browserSays); // whatever Chromium decided, the client reports it

  const cdp = await context.newCDPSession(page);
  await cdp.send('Browser.grantPermissions', { origin: E2E_ORIGIN, permissions: ['durableStorage'] });
  await openReliabilityPage(page);
  await spyOnPersist(page);
  expect(await open(page, 'persist-granted', true)).toEqual({ persisted: true, calls: 1, browserSays: true });
});
