import { describe, expect, it } from 'vitest';
import { idbEngine } from './helpers.ts';

describe('several engines on one database', () => {
  it('exactly one scheduler processes the queue; every task is applied once; the others see the writes', async () => {
    const name = `shared-${Date.now()}`;
    const a = await idbEngine(name);
    const b = await idbEngine(name);
    const tasks = [];
    for (let i = 0; i < 20; i++) {
      const engine = i % 2 ? a : b;
      tasks.push(await engine.index('docs').addDocuments([{ id: i, text: `document ${i} from ${i % 2 ? 'a' : 'b'}` }]));
    }
    // Unique uids across engines.
    expect(new Set(tasks.map((t) => t.taskUid)).size).toBe(20);
    const done = await b.waitForTasks(tasks, { timeout: 10_000 });
    expect(done.every((t) => t.status === 'succeeded')).toBe(true);
    // Each task ran in exactly one batch, and batches never overlap in uids.
    const batches = await a.getBatches({ limit: 100 });
    const perBatch = batches.results.reduce((n, bt) => n + bt.stats.totalNbTasks, 0);
    expect(perBatch).toBe(20);
    for (const e of [a, b]) {
      expect((await e.index('docs').getStats()).numberOfDocuments).toBe(20);
      expect((await e.index('docs').search('document 7')).hits[0]).toMatchObject({ id: 7 });
    }
    await a.close();
    // The lock passes to b: it keeps processing after a is gone.
    const late = await b.index('docs').addDocuments([{ id: 99, text: 'after close' }]).waitTask({ timeout: 5000 });
    expect(late.status).toBe('succeeded');
    await b.close();
  });
});
