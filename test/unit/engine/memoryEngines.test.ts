/**
 * Every in-memory engine is a database of its own, whatever its name: two of them in one process each run their
 * tasks (they used to wait for one in-process lock named after the database), and see only their documents.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { engineTracker } from './helpers.ts';

const { open, closeAll } = engineTracker();

afterEach(async () => {
  await closeAll();
});

describe('in-memory engines are separate databases', () => {
  for (const [label, options] of [
    ['default name', { storage: 'memory' }],
    ['same explicit name', { storage: 'memory', name: 'shop' }],
  ] as const) {
    test(`two engines (${label}) each run their own tasks and see only their own documents`, async () => {
      const a = await open(options);
      const b = await open(options);
      const [ta, tb] = await Promise.all([
        a.index('docs').addDocuments([{ id: 1, title: 'only in a' }]).waitTask(),
        b.index('docs').addDocuments([{ id: 2, title: 'only in b' }]).waitTask(),
      ]);
      expect([ta.status, tb.status]).toEqual(['succeeded', 'succeeded']);
      expect((await a.index('docs').getDocuments({})).results).toEqual([{ id: 1, title: 'only in a' }]);
      expect((await b.index('docs').getDocuments({})).results).toEqual([{ id: 2, title: 'only in b' }]);
      expect([ta.uid, tb.uid]).toEqual([0, 0]); // two task queues
      await a.close();
      expect((await b.index('docs').addDocuments([{ id: 3 }]).waitTask()).status).toBe('succeeded');
    });
  }

  test('engines opened over one memory store object still share it: one scheduler, woken by the other', async () => {
    const first = await open({ storage: 'memory' });
    const second = await open({ storage: 'memory', store: first.ctx.store });
    const task = await second.index('docs').addDocuments([{ id: 1, title: 'shared' }]).waitTask();
    expect(task.status).toBe('succeeded');
    expect(await first.index('docs').getDocument(1, {})).toEqual({ id: 1, title: 'shared' });
    expect((await first.getBatches()).results).toHaveLength(1);
  });
});
