/** Helpers of the demo's end-to-end tests: open the built demo, search, read results, save screenshots. */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The built demo (`npm run build` → demo-dist/), served by test/e2e/server.mjs. */
export const DEMO_URL = '/demo-dist/';

export async function openDemo(page: Page): Promise<void> {
  await page.goto(DEMO_URL);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

/** The number of results the stats line shows ("3,200 movies · page 1 of 320 · 2 ms" → 3200). */
export async function totalHits(page: Page): Promise<number> {
  const text = (await page.locator('#search-stats').textContent()) ?? '';
  const m = /^([\d,]+)/.exec(text);
  if (!m) throw new Error(`no total in the stats line: ${text}`);
  return Number(m[1].replace(/,/g, ''));
}

/** Waits until the stats line matches (results rendered for the latest input). */
export async function expectStats(page: Page, pattern: RegExp): Promise<void> {
  await expect(page.locator('#search-stats')).toHaveText(pattern);
}

export async function hitTitles(page: Page): Promise<string[]> {
  return page.locator('#hits .hit-title').allTextContents();
}

/** Types a query and waits until the first hit's title matches `firstTitle`. */
export async function searchFor(page: Page, q: string, firstTitle: RegExp): Promise<void> {
  await page.locator('#search-input').fill(q);
  await expect(page.locator('#hits .hit-title').first()).toHaveText(firstTitle);
}

/** A field of every shown hit ("Genre" → ["Drama", …]). */
export async function hitField(page: Page, label: string): Promise<string[]> {
  return page.locator('#hits .hit').evaluateAll(
    (hits, wanted) =>
      hits.map((hit) => {
        for (const row of hit.querySelectorAll('.hit-fields > div')) {
          if (row.querySelector('dt')?.textContent === wanted) return row.querySelector('dd')?.textContent ?? '';
        }
        return '';
      }),
    label,
  );
}

export async function openPanel(page: Page, id: 'panel-data' | 'panel-tasks' | 'panel-dumps' | 'panel-snapshots' | 'panel-http' | 'panel-storage'): Promise<void> {
  const details = page.locator(`#${id}`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
}

/**
 * Saves a screenshot as a test artifact (in the test's output directory, attached to the report): the viewport,
 * the full page (`true`), or one element (a locator, e.g. a panel).
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, target: boolean | Locator = false): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  if (typeof target === 'boolean') await page.screenshot({ path, fullPage: target });
  else await target.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Imports a file through the Data panel's file input. */
export async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, options: { index?: string; facets?: string; primaryKey?: string } = {}): Promise<void> {
  await openPanel(page, 'panel-data');
  await page.locator('#import-file').setInputFiles(file);
  if (options.index) await page.locator('#import-index').fill(options.index);
  if (options.primaryKey) await page.locator('#import-primary-key').fill(options.primaryKey);
  if (options.facets) await page.locator('#import-facets').fill(options.facets);
  await page.locator('#import-button').click();
  await expect(page.locator('#panel-data .import-form .message')).toHaveText(/Imported \d+ documents?/, { timeout: 30_000 });
}
