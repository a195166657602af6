/**
 * Measurements behind the defaults in docs/snapshot-format.md (compression, batch size). Skipped unless
 * `SNAPSHOT_MEASURE=<documents>` is set: `SNAPSHOT_MEASURE=20000 npx vitest run test/unit/snapshot/measure`.
 */
import 'fake-indexeddb/auto';
import { deflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { MemoryStore } from '../../../src/engine/storage/memoryStore.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import { ALL_STORES } from '../../../src/engine/storage/schema.ts';
import { writeSnapshot } from '../../../src/backup/snapshot/snapshotWriter.ts';
import { readSnapshotHeader, restoreSnapshot } from '../../../src/backup/snapshot/snapshotReader.ts';
import { FRAME_HEADER_BYTES, HEADER_PREFIX_BYTES, readFrameHeader, u32 } from '../../../src/backup/snapshot/snapshotFormat.ts';
import { compareKeys, type ScanOptions, type Store, type StoreKey, type WriteTx } from '../../../src/engine/storage/store.ts';
import { fillStore } from './fixtureDb.ts';

const N = Number(process.env.SNAPSHOT_MEASURE ?? 0);
const MiB = 1024 * 1024;

async function snapshotBytes(store: Store, compression: 'none' | 'deflate'): Promise<{ bytes: Uint8Array; ms: number }> {
  const chunks: Uint8Array[] = [];
  const t = performance.now();
  await writeSnapshot(store, async (c) => void chunks.push(c), { compression });
  const ms = performance.now() - t;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, ms };
}

/** Frames of an uncompressed snapshot, with the name of their store. */
function frames(bytes: Uint8Array, names: string[]): { store: string; raw: Uint8Array }[] {
  let at = HEADER_PREFIX_BYTES + u32(bytes, 12) + 4;
  const out: { store: string; raw: Uint8Array }[] = [];
  for (;;) {
    const f = readFrameHeader(bytes.subarray(at, at + FRAME_HEADER_BYTES));
    if (f.type !== 1) return out;
    out.push({ store: names[f.store], raw: bytes.subarray(at + FRAME_HEADER_BYTES, at + FRAME_HEADER_BYTES + f.storedLength) });
    at += FRAME_HEADER_BYTES + f.storedLength + 4;
  }
}

/** A read-only view of `src`'s records that neither clones on read nor keeps writes (measures the codec alone). */
async function rawStore(src: Store): Promise<Store> {
  const data = new Map<string, [StoreKey, unknown][]>();
  for (const n of src.storeNames()) data.set(n, await src.read([n], (tx) => tx.entries(n)));
  const reader = {
    entries: async (n: string, o?: ScanOptions) => {
      const all = data.get(n)!;
      let i = 0;
      if (o?.range?.lower !== undefined) while (i < all.length && compareKeys(all[i][0], o.range.lower) <= 0) i++;
      return all.slice(i, o?.limit === undefined ? undefined : i + o.limit);
    },
    count: async (n: string) => data.get(n)!.length,
  } as unknown as WriteTx;
  return {
    backend: 'memory',
    name: 'raw',
    storeNames: () => [...data.keys()],
    read: (_s, fn) => fn(reader),
    write: () => Promise.reject(new Error('read-only')),
    close() {},
    async destroy() {},
  };
}

/** An always-empty store that drops writes (restore target measuring the codec alone). */
function nullStore(names: readonly string[]): Store {
  return {
    backend: 'memory',
    name: 'null',
    storeNames: () => names,
    read: (_s, fn) => fn({ count: async () => 0 } as unknown as WriteTx),
    write: async (_s, fn) => fn({ put() {}, delete() {}, clear() {} } as unknown as WriteTx),
    close() {},
    async destroy() {},
  };
}

const rate = (bytes: number, ms: number) => `${((bytes / MiB) * 1000) / ms}`.slice(0, 6) + ' MiB/s';

describe.skipIf(!N)('snapshot measurements', () => {
  test(`${N} documents`, { timeout: 600_000 }, async () => {
    const src = new MemoryStore('measure', ALL_STORES);
    const records = await fillStore(src, { documents: N });
    await snapshotBytes(src, 'none'); // warm-up
    const plain = await snapshotBytes(src, 'none');
    const names = (await readSnapshotHeader(plain.bytes)).stores.map((s) => s.name);
    const size = plain.bytes.length;
    console.log(`records ${records}, snapshot ${(size / MiB).toFixed(2)} MiB uncompressed`);
    console.log(`write (memory store, none): ${plain.ms.toFixed(0)} ms, ${rate(size, plain.ms)}`);

    const byStore = new Map<string, { raw: number; l1: number; l6: number; t1: number; t6: number }>();
    for (const { store, raw } of frames(plain.bytes, names)) {
      const e = byStore.get(store) ?? { raw: 0, l1: 0, l6: 0, t1: 0, t6: 0 };
      let t = performance.now();
      e.l1 += deflateSync(raw, { level: 1 }).length;
      e.t1 += performance.now() - t;
      t = performance.now();
      e.l6 += deflateSync(raw, { level: 6 }).length;
      e.t6 += performance.now() - t;
      e.raw += raw.length;
      byStore.set(store, e);
    }
    for (const [s, e] of byStore) {
      console.log(
        `${s.padEnd(13)} ${(e.raw / MiB).toFixed(2)} MiB · level 1 ×${(e.raw / e.l1).toFixed(2)} ${rate(e.raw, e.t1)} · level 6 ×${(e.raw / e.l6).toFixed(2)} ${rate(e.raw, e.t6)}`,
      );
    }

    // The codec alone: a store that hands out its records without cloning and drops writes.
    const raw = await rawStore(src);
    await snapshotBytes(raw, 'none');
    const codec = await snapshotBytes(raw, 'none');
    console.log(`write (codec only, none): ${codec.ms.toFixed(0)} ms, ${rate(size, codec.ms)}`);
    let t1 = performance.now();
    await restoreSnapshot(codec.bytes, nullStore(raw.storeNames()));
    console.log(`restore (codec only, none): ${(performance.now() - t1).toFixed(0)} ms, ${rate(size, performance.now() - t1)}`);
    const codecPacked = await snapshotBytes(raw, 'deflate');
    console.log(`write (codec only, deflate 1): ${codecPacked.ms.toFixed(0)} ms, ${rate(size, codecPacked.ms)}`);
    t1 = performance.now();
    await restoreSnapshot(codecPacked.bytes, nullStore(raw.storeNames()));
    console.log(`restore (codec only, deflate 1): ${(performance.now() - t1).toFixed(0)} ms, ${rate(size, performance.now() - t1)}`);

    const packed = await snapshotBytes(src, 'deflate');
    console.log(
      `write (memory store, deflate 1): ${packed.ms.toFixed(0)} ms, ${rate(size, packed.ms)} of stored data; file ×${(size / packed.bytes.length).toFixed(2)} smaller (${(packed.bytes.length / MiB).toFixed(2)} MiB)`,
    );

    for (const [label, bytes] of [['none', plain.bytes], ['deflate', packed.bytes]] as const) {
      const dst = new MemoryStore('dst', ALL_STORES);
      const t = performance.now();
      await restoreSnapshot(bytes, dst);
      const ms = performance.now() - t;
      console.log(`restore (memory store, ${label}): ${ms.toFixed(0)} ms, ${rate(size, ms)}`);
    }
    const idbSrc = await IndexedDbStore.open('measure-src');
    await fillStore(idbSrc, { documents: N });
    const t0 = performance.now();
    const idbPlain = await snapshotBytes(idbSrc, 'none');
    console.log(`write (fake-indexeddb, none): ${(performance.now() - t0).toFixed(0)} ms, ${rate(idbPlain.bytes.length, performance.now() - t0)}`);
    for (const batch of [256 * 1024, MiB, 4 * MiB, 16 * MiB]) {
      const dst = await IndexedDbStore.open(`measure-${batch}`);
      const t = performance.now();
      await restoreSnapshot(plain.bytes, dst, { batchBytes: batch });
      const ms = performance.now() - t;
      console.log(`restore (fake-indexeddb, none, batch ${batch / 1024} KiB): ${ms.toFixed(0)} ms, ${rate(size, ms)}`);
      await dst.destroy();
    }
    await idbSrc.destroy();
    expect(size).toBeGreaterThan(0);
  });
});
