/**
 * The demo's dump and snapshot panels in Chromium: a dump downloaded from one profile and uploaded into a fresh
 * profile rebuilds the same database; a real Meilisearch dump imports; snapshots are taken, shown, downloaded,
 * and the app restarts from one.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, launchProfile, newProfileDir } from './fixtures.ts';
import { expectStats, hitTitles, importFile, openDemo, openPanel, screenshot, searchFor } from './demoHelpers.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/meilisearch-dumps');

async function indexUids(page: Page): Promise<string[]> {
  return page.locator('#index-select option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
}

test('a dump downloaded from one profile rebuilds the same database in a fresh profile', async ({ page }, testInfo) => {
  await openDemo(page);
  await openPanel(page, 'panel-dumps');
  await importFile(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ id: 7, text: 'remember the milk' }])) });
  await page.locator('#index-select').selectOption('movies');
  await searchFor(page, 'star wars', /^Star Wars/);
  const titles = await hitTitles(page);

  await openPanel(page, 'panel-dumps');
  await page.locator('#create-dump').click();
  await expect(page.locator('#dump-message')).toHaveText(/is ready/, { timeout: 60_000 });
  const row = page.locator('#panel-dumps tbody tr[data-dump]').first();
  await expect(row).toBeVisible();
  await screenshot(page, testInfo, 'dumps-panel', page.locator('#panel-dumps'));
  const downloadPromise = page.waitForEvent('download');
  await row.getByRole('button', { name: /Download/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^\d{8}-\d{9}\.dump$/);
  const dumpPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(dumpPath);
  expect(readFileSync(dumpPath).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip

  // A second dump, then delete it: the list follows.
  await page.locator('#create-dump').click();
  await expect(page.locator('#panel-dumps tbody tr[data-dump]')).toHaveCount(2, { timeout: 60_000 });
  const second = page.locator('#panel-dumps tbody tr[data-dump]').first();
  const secondUid = await second.getAttribute('data-dump');
  await second.getByRole('button', { name: /Delete/ }).click();
  await expect(page.locator('#dump-message')).toHaveText(`Dump ${secondUid} deleted.`);
  await expect(page.locator('#panel-dumps tbody tr[data-dump]')).toHaveCount(1);

  const dir = newProfileDir();
  const fresh = await launchProfile(dir);
  try {
    const other = fresh.pages()[0] ?? (await fresh.newPage());
    await openDemo(other);
    expect(await indexUids(other)).toEqual(['movies']);
    await openPanel(other, 'panel-dumps');
    await other.locator('#dump-upload').setInputFiles(dumpPath);
    await other.locator('#rebuild-from-dump').click();
    await expect(other.locator('#dump-message')).toHaveText(/Database rebuilt/, { timeout: 60_000 });
    await expect.poll(() => indexUids(other)).toEqual(['movies', 'notes']);
    await other.locator('#index-select').selectOption('movies');
    await expectStats(other, /^3,200 movies/);
    await searchFor(other, 'star wars', /^Star Wars/);
    expect(await hitTitles(other)).toEqual(titles);
    await other.locator('#index-select').selectOption('notes');
    await searchFor(other, 'milk', /remember the milk/);
    await openPanel(other, 'panel-tasks');
    await expect(other.locator('#panel-tasks tbody tr[data-type="documentAdditionOrUpdate"]').first()).toBeVisible();
    await screenshot(other, testInfo, 'rebuilt-from-dump');
  } finally {
    await fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a real Meilisearch dump (v5, Meilisearch 0.29) rebuilds the database', async ({ page }, testInfo) => {
  await openDemo(page);
  await openPanel(page, 'panel-dumps');
  await page.locator('#dump-upload').setInputFiles(resolve(FIXTURES, 'v5.dump'));
  await page.locator('#rebuild-from-dump').click();
  await expect(page.locator('#dump-message')).toHaveText(/Database rebuilt/, { timeout: 60_000 });
  // The dump's indexes, and its enqueued task (a document addition into `movies_2`) runs after the import.
  await expect.poll(() => indexUids(page)).toEqual(expect.arrayContaining(['dnd_spells', 'movies', 'products']));
  await page.locator('#index-select').selectOption('movies');
  await searchFor(page, 'shazam', /Shazam!/);
  await screenshot(page, testInfo, 'meilisearch-dump-imported');

  // A file that is not a dump is refused and the database stays as it was.
  await page.locator('#dump-upload').setInputFiles({ name: 'bad.dump', mimeType: 'application/gzip', buffer: Buffer.from('not a dump') });
  await page.locator('#rebuild-from-dump').click();
  await expect(page.locator('#dump-message')).toHaveText(/Import refused, the database is unchanged/, { timeout: 30_000 });
  await expect.poll(() => indexUids(page)).toEqual(['dnd_spells', 'movies', 'movies_2', 'products']);
});

test('snapshots: create now, see time and size, download, restart the app from it', async ({ page }, testInfo) => {
  await openDemo(page);
  await openPanel(page, 'panel-snapshots');
  await page.locator('#create-snapshot').click();
  await expect(page.locator('#snapshot-message')).toHaveText(/Snapshot written/, { timeout: 60_000 });
  await expect(page.locator('#snapshot-size')).toHaveText(/\d/);
  await expect(page.locator('#snapshot-time')).not.toHaveText('—');
  await screenshot(page, testInfo, 'snapshots-panel', page.locator('#panel-snapshots'));

  const downloadPromise = page.waitForEvent('download');
  await page.locator('#download-snapshot').click();
  const download = await downloadPromise;
  const snapshotPath = testInfo.outputPath(download.suggestedFilename() || 'demo.snapshot');
  await download.saveAs(snapshotPath);
  expect(statSync(snapshotPath).size).toBeGreaterThan(1000);

  // Add an index after the snapshot, then restart from the snapshot: the index is gone, the movies are there.
  await importFile(page, { name: 'later.json', mimeType: 'application/json', buffer: Buffer.from('[{"id":1,"t":"after the snapshot"}]') });
  expect(await indexUids(page)).toEqual(['later', 'movies']);
  await openPanel(page, 'panel-snapshots');
  await page.locator('#restart-from-snapshot').click();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect.poll(() => indexUids(page)).toEqual(['movies']);
  await expectStats(page, /^3,200 movies/);
  await expect(page.locator('#boot-message')).toHaveText('');

  // The downloaded file restores into a fresh profile.
  const dir = newProfileDir();
  const fresh = await launchProfile(dir);
  try {
    const other = fresh.pages()[0] ?? (await fresh.newPage());
    await openDemo(other);
    await importFile(other, { name: 'scratch.json', mimeType: 'application/json', buffer: Buffer.from('[{"id":1,"t":"scratch"}]') });
    await openPanel(other, 'panel-snapshots');
    await other.locator('#snapshot-upload').setInputFiles(snapshotPath);
    await other.locator('#rebuild-from-snapshot').click();
    await expect(other.locator('#snapshot-message')).toHaveText(/restored/, { timeout: 60_000 });
    await expect.poll(() => indexUids(other)).toEqual(['movies']);
    await searchFor(other, 'titanic', /Titanic/);
  } finally {
    await fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scheduled snapshots: the first one is taken when the engine starts', async ({ page }) => {
  await openDemo(page);
  await openPanel(page, 'panel-snapshots');
  await page.locator('#snapshot-interval').selectOption('3600');
  await page.getByRole('button', { name: 'Apply (restarts the engine)' }).click();
  await expect(page.locator('#snapshot-message')).toHaveText(/Schedule applied/);
  await expect.poll(async () => (await page.locator('#snapshot-size').count()) > 0, { timeout: 30_000, intervals: [500] }).toBe(true);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await openPanel(page, 'panel-snapshots');
  await expect(page.locator('#snapshot-interval')).toHaveValue('3600');
});
