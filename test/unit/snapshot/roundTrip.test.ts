import 'fake-indexeddb/auto';
import { afterAll, describe, expect, test } from 'vitest';
import { ALL_STORES, STORES } from '../../../src/engine/storage/schema.ts';
import type { Store, StoreKey } from '../../../src/engine/storage/store.ts';
import { readSnapshotHeader, restoreSnapshot } from '../../../src/backup/snapshot/snapshotReader.ts';
import { writeSnapshot, type SnapshotProgress } from '../../../src/backup/snapshot/snapshotWriter.ts';
import { compareStores, storeChecksum } from '../../../src/backup/snapshot/storeChecksum.ts';
import { ENGINE_VERSION } from '../../../src/version.ts';
import { SNAPSHOT_FORMAT_VERSION } from '../../../src/backup/snapshot/snapshotFormat.ts';
import { blobOf, chunkedStream, expectSnapshotError, idbStore, memoryStore, recordCount, snapshotBytes } from './helpers.ts';
import { awkwardValue, fillStore } from './fixtureDb.ts';

const opened: Store[] = [];
afterAll(async () => {
  for (const s of opened) await s.destroy();
});

type Kind = 'memory' | 'indexeddb';
async function make(kind: Kind): Promise<Store> {
  const s = kind === 'memory' ? memoryStore() : await idbStore();
  opened.push(s);
  return s;
}

/** Every record of every store, straight from the store (independent of the snapshot codec). */
async function dump(store: Store): Promise<Record<string, [StoreKey, unknown][]>> {
  const out: Record<string, [StoreKey, unknown][]> = {};
  for (const n of store.storeNames()) out[n] = await store.read([n], (tx) => tx.entries(n));
  return out;
}

describe.each([
  ['memory', 'memory'],
  ['indexeddb', 'indexeddb'],
  ['memory', 'indexeddb'],
  ['indexeddb', 'memory'],
] as [Kind, Kind][])('round trip %s → %s', (from, to) => {
  test.each(['none', 'deflate'] as const)('compression %s: identical record for record', async (compression) => {
    const src = await make(from);
    const written = await fillStore(src, { documents: 250, segmentSize: 100 });
    const now = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const bytes = await snapshotBytes(src, { compression, now, frameBytes: 8 * 1024, readBytes: 16 * 1024 });
    const dst = await make(to);
    const info = await restoreSnapshot(bytes, dst, { batchBytes: 32 * 1024 });

    expect(info.records).toBe(written);
    expect(info.size).toBe(bytes.length);
    expect(info.createdAt).toBe('2026-01-02T03:04:05.678Z');
    expect(info.engineVersion).toBe(ENGINE_VERSION);
    expect(info.formatVersion).toBe(SNAPSHOT_FORMAT_VERSION);
    expect(info.compression).toBe(compression);
    expect(info.stores.map((s) => s.name).sort()).toEqual([...src.storeNames()].sort());
    expect(info.stores.at(-1)?.name).toBe(STORES.meta); // written last: see WRITTEN_LAST
    for (const s of ALL_STORES) expect(info.stores.find((x) => x.name === s)?.records, s).toBeGreaterThan(0);

    expect(await compareStores(src, dst)).toEqual({ equal: true, storesOnlyInA: [], storesOnlyInB: [], differences: [] });
    expect((await storeChecksum(dst)).digest).toBe((await storeChecksum(src)).digest);
    expect(await dump(dst)).toStrictEqual(await dump(src));
    const [, awkward] = (await dst.read([STORES.meta], (tx) => tx.entries(STORES.meta))).find(([k]) => Array.isArray(k))!;
    expect(awkward).toStrictEqual(structuredClone(awkwardValue()));
    expect(Object.is((awkward as { negZero: number }).negZero, -0)).toBe(true);
  });
});

describe('round trip details', () => {
  test('copies stores the codec does not know about', async () => {
    const names = [...ALL_STORES, 'zzFutureStore', 'aaAnother'];
    const src = memoryStore(names);
    await fillStore(src, { documents: 20 });
    const dst = memoryStore(names);
    const info = await restoreSnapshot(await snapshotBytes(src), dst);
    expect(info.stores.find((s) => s.name === 'zzFutureStore')?.records).toBe(20);
    expect((await compareStores(src, dst)).equal).toBe(true);
  });

  test('an empty database', async () => {
    const src = memoryStore();
    const bytes = await snapshotBytes(src);
    const dst = memoryStore();
    const info = await restoreSnapshot(bytes, dst);
    expect(info.records).toBe(0);
    expect(await recordCount(dst)).toBe(0);
  });

  test('reads streams cut anywhere, Blobs, and reports progress', async () => {
    const src = memoryStore();
    await fillStore(src, { documents: 60 });
    const bytes = await snapshotBytes(src, { frameBytes: 2048 });
    for (const [i, source] of [chunkedStream(bytes, 13, 5), chunkedStream(bytes, 4096, 9), blobOf(bytes)].entries()) {
      const dst = memoryStore();
      const progress: SnapshotProgress[] = [];
      await restoreSnapshot(source, dst, { onProgress: (p) => progress.push(p) });
      expect((await compareStores(src, dst)).equal, `source ${i}`).toBe(true);
      expect(progress.length).toBeGreaterThan(5);
      expect(progress.at(-1)?.records).toBe(progress.at(-1)?.totalRecords);
      for (let j = 1; j < progress.length; j++) expect(progress[j].records).toBeGreaterThan(progress[j - 1].records);
    }
  });

  test('writes to a WritableStream, reporting progress', async () => {
    const src = memoryStore();
    const n = await fillStore(src, { documents: 40 });
    const chunks: Uint8Array[] = [];
    const progress: SnapshotProgress[] = [];
    const info = await writeSnapshot(src, new WritableStream({ write: (c) => void chunks.push(c) }), { onProgress: (p) => progress.push(p) });
    expect(info.records).toBe(n);
    expect(progress.at(-1)?.records).toBe(n);
    expect(info.size).toBe(chunks.reduce((s, c) => s + c.length, 0));
    const dst = memoryStore();
    await restoreSnapshot(blobOf(...chunks), dst);
    expect((await compareStores(src, dst)).equal).toBe(true);
  });

  test('readSnapshotHeader reads only the header, from bytes, Blobs and streams', async () => {
    const src = memoryStore(ALL_STORES, 'header-db');
    await fillStore(src, { documents: 10 });
    const bytes = await snapshotBytes(src, { now: 0, engineVersion: '7.7.7' });
    const fromBytes = await readSnapshotHeader(bytes);
    expect(fromBytes).toMatchObject({ dbName: 'header-db', engineVersion: '7.7.7', createdAt: '1970-01-01T00:00:00.000Z', size: bytes.length });
    expect(await readSnapshotHeader(blobOf(bytes))).toEqual(fromBytes);
    expect(await readSnapshotHeader(chunkedStream(bytes, 7))).toEqual({ ...fromBytes, size: null });
    // Only the header needs to be there.
    const headerEnd = 16 + new DataView(bytes.buffer).getUint32(12, true) + 4;
    expect((await readSnapshotHeader(bytes.subarray(0, headerEnd))).records).toBe(fromBytes.records);
    await expectSnapshotError(readSnapshotHeader(bytes.subarray(0, headerEnd - 1)), 'truncated');
  });

  test('a store holding an unsupported value fails the write with its store and key', async () => {
    const src = memoryStore();
    await src.write([STORES.documents], async (tx) => tx.put(STORES.documents, [1, 2], { when: /a regexp/ }));
    let aborted: unknown;
    const sink = new WritableStream<Uint8Array>({ abort: (r) => void (aborted = r) });
    const err = await expectSnapshotError(writeSnapshot(src, sink), 'unsupported_value');
    expect(err.message).toContain('Store `documents`, key [1,2]');
    expect(aborted).toBe(err);
  });

  test('a write during the snapshot is detected', async () => {
    const src = memoryStore();
    await fillStore(src, { documents: 30 });
    let sneaked = false;
    await expectSnapshotError(
      writeSnapshot(src, async () => {
        if (!sneaked) {
          sneaked = true;
          await src.write([STORES.tasks], async (tx) => tx.put(STORES.tasks, 9999, { late: true }));
        }
      }),
      'concurrent_write',
    );
  });

  test('expectedEngineVersion lets a caller accept another version explicitly', async () => {
    const src = memoryStore();
    await fillStore(src, { documents: 5 });
    const bytes = await snapshotBytes(src, { engineVersion: '0.0.1' });
    await expectSnapshotError(restoreSnapshot(bytes, memoryStore()), 'engine_version');
    const dst = memoryStore();
    await restoreSnapshot(bytes, dst, { expectedEngineVersion: '0.0.1' });
    expect((await compareStores(src, dst)).equal).toBe(true);
  });
});
