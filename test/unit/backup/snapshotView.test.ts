/** The snapshot view: leaves out given tasks and every task above a uid, in counts, scans (with limits) and gets. */
import { describe, expect, it } from 'vitest';
import { snapshotView } from '../../../src/engine/backup/snapshotView.ts';
import { MemoryStore } from '../../../src/engine/storage/memoryStore.ts';
import { ALL_STORES, STORES } from '../../../src/engine/storage/schema.ts';
import { writeSnapshot } from '../../../src/backup/snapshot/snapshotWriter.ts';
import { restoreSnapshot } from '../../../src/backup/snapshot/snapshotReader.ts';

async function storeWithTasks(): Promise<MemoryStore> {
  const s = new MemoryStore('view', ALL_STORES);
  await s.write([STORES.tasks, STORES.enqueued, STORES.taskPayloads, STORES.documents], async (tx) => {
    for (let uid = 0; uid < 10; uid++) {
      tx.put(STORES.tasks, uid, { uid });
      if (uid >= 5) tx.put(STORES.enqueued, uid, { uid });
      if (uid === 6 || uid === 9) tx.put(STORES.taskPayloads, [uid, 0], [{ id: uid }]);
    }
    tx.put(STORES.documents, [0, 0], { docs: ['{}'] });
  });
  return s;
}

describe('snapshotView', () => {
  it('counts, scans and gets without the excluded tasks and the ones above maxTaskUid', async () => {
    const v = snapshotView(await storeWithTasks(), { excludeTasks: new Set([5, 7]), maxTaskUid: 7 });
    const got = await v.read([STORES.tasks, STORES.enqueued, STORES.taskPayloads, STORES.documents], async (tx) => ({
      counts: await Promise.all([STORES.tasks, STORES.enqueued, STORES.taskPayloads, STORES.documents].map((n) => tx.count(n))),
      tasks: await tx.getAllKeys(STORES.tasks),
      limited: await tx.getAllKeys(STORES.tasks, { range: { lower: 3, lowerOpen: true }, limit: 2 }),
      enqueued: (await tx.entries(STORES.enqueued)).map(([k]) => k),
      payloads: await tx.getAllKeys(STORES.taskPayloads),
      get: [await tx.get(STORES.tasks, 5), await tx.get(STORES.tasks, 6), await tx.get(STORES.tasks, 8)],
      many: await tx.getMany(STORES.tasks, [4, 5, 9]),
    }));
    expect(got).toEqual({
      counts: [6, 1, 1, 1],
      tasks: [0, 1, 2, 3, 4, 6],
      limited: [4, 6],
      enqueued: [6],
      payloads: [[6, 0]],
      get: [undefined, { uid: 6 }, undefined],
      many: [{ uid: 4 }, undefined, undefined],
    });
    await expect(v.write([STORES.tasks], async () => undefined)).rejects.toMatchObject({ code: 'internal' });
  });

  it('a snapshot of the view restores without the left-out tasks', async () => {
    const v = snapshotView(await storeWithTasks(), { excludeTasks: new Set([8]), maxTaskUid: 8 });
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    await writeSnapshot(v, async (c) => void chunks.push(c.slice()), { readBytes: 16 });
    const target = new MemoryStore('target', ALL_STORES);
    await restoreSnapshot(new Blob(chunks), target);
    expect(await target.read([STORES.tasks], (tx) => tx.getAllKeys(STORES.tasks))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await target.read([STORES.taskPayloads], (tx) => tx.getAllKeys(STORES.taskPayloads))).toEqual([[6, 0]]);
  });
});
