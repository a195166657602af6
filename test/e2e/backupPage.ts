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
        if (h.kind !== 'file') continue;
        try {
          out.push({ name, size: (await (h as FileSystemFileHandle).getFile()).size });
        } catch {
          out.push({ name, size: -1 }); // moved or removed while listing (a temporary file being renamed)
        }
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

/**
 * Samples the JS heap of the page's dedicated workers every 100 ms until stopped, through the DevTools protocol
 * (`Runtime.getHeapUsage` in each worker target; `performance.memory` does not exist in workers). Resolves with
 * the peak used heap in bytes and the first sample (the baseline), null where no worker could be sampled.
 */
export function sampleWorkerHeap(page: Page): { stop(): Promise<{ peak: number | null; first: number | null }> } {
  let peak: number | null = null;
  let first: number | null = null;
  let running = true;
  const loop = (async () => {
    const cdp = await page.context().newCDPSession(page);
    const sessions = new Set<string>();
    const pending = new Map<number, (v: number | null) => void>();
    let nextId = 1;
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') sessions.add(e.sessionId);
    });
    cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => sessions.delete(e.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
      if (m.id !== undefined) pending.get(m.id)?.(m.result?.usedSize ?? null);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    while (running) {
      for (const sessionId of sessions) {
        const id = nextId++;
        const used = await Promise.race([
          new Promise<number | null>((resolve) => {
            pending.set(id, resolve);
            cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(null));
          }),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
        ]);
        pending.delete(id);
        if (used !== null) {
          first ??= used;
          peak = Math.max(peak ?? 0, used);
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await cdp.detach().catch(() => undefined);
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { peak, first };
    },
  };
}
