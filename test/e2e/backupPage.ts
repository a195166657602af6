/**
 * The page of the dump and snapshot e2e tests (`pages/backups.html`): the built library, the synthetic corpus of the
 * benchmarks, a file input, and `window.picture(client)` — everything the public API shows of an engine
 * (documents in order, settings, tasks, searches) to compare two browsers' engines.
 */
import type { Page } from '@playwright/test';
import type { PocketClient } from '../../src/index.ts';

type Synth = { documents(from: number, to: number): Record<string, unknown>[] };

declare global {
  interface Window {
    synth: Synth;
    client: PocketClient;
    picture(client: PocketClient): Promise<unknown>;
    opfsList(dir: string): Promise<{ name: string; size: number }[]>;
  }
}

export async function openBackupPage(page: Page): Promise<void> {
  await page.goto('/test/e2e/pages/backups.html');
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  await page.evaluate(() => {
    window.opfsList = async (dir: string) => {
      const root = await navigator.storage.getDirectory();
      let handle: FileSystemDirectoryHandle;
      try {
        handle = await root.getDirectoryHandle(dir);
      } catch {
        return [];
      }
      const out: { name: string; size: number }[] = [];
      for await (const [name, h] of (handle as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (h.kind === 'file') out.push({ name, size: (await (h as FileSystemFileHandle).getFile()).size });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : 1));
    };
    window.picture = async (client: PocketClient) => {
      const indexes = (await client.getIndexes({ limit: 1000 })).results;
      const out: Record<string, unknown> = {};
      for (const i of indexes) {
        const docs: unknown[] = [];
        for (let offset = 0; ; offset += 1000) {
          const page = await client.index(i.uid).getDocuments({ offset, limit: 1000 });
          docs.push(...page.results);
          if (page.results.length < 1000) break;
        }
        const stats = await client.index(i.uid).getStats();
        out[i.uid] = {
          primaryKey: i.primaryKey,
          createdAt: i.createdAt,
          documents: JSON.stringify(docs),
          count: stats.numberOfDocuments,
          fieldDistribution: stats.fieldDistribution,
          settings: await client.index(i.uid).getSettings(),
        };
      }
      const tasks = (await client.getTasks({ limit: 100_000 })).results;
      const searches: unknown[] = [];
      for (const i of indexes) {
        for (const q of ['alpha', 'document 12', 'beta gam', 'queued', '']) {
          const r = await client.index(i.uid).search(q, { limit: 10 });
          searches.push([i.uid, q, r.hits, r.estimatedTotalHits]);
        }
      }
      return { indexes: out, tasks, searches };
    };
  });
}
