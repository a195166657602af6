/**
 * Memory stays bounded whatever the database size: asserted through what is buffered in sinks and what each
 * store transaction reads or writes (not through timing or heap sizes).
 */
import { describe, expect, test } from 'vitest';
import type { ScanOptions, Store, StoreKey, WriteTx } from '../../../src/engine/storage/store.ts';
import { restoreSnapshot } from '../../../src/backup/snapshot/snapshotReader.ts';
import { writeSnapshot } from '../../../src/backup/snapshot/snapshotWriter.ts';
import { ByteWriter } from '../../../src/backup/snapshot/byteWriter.ts';
import { ValueEncoder } from '../../../src/backup/snapshot/valueCodec.ts';
import { compareStores } from '../../../src/backup/snapshot/storeChecksum.ts';
import { blobOf, memoryStore, snapshotBytes } from './helpers.ts';
import { fillStore } from './fixtureDb.ts';

const KiB = 1024;

function encodedSize(entries: [StoreKey, unknown][]): number {
  const w = new ByteWriter();
  const enc = new ValueEncoder(w);
  for (const [k, v] of entries) {
    enc.key(k);
    enc.value(v);
  }
  return w.pos;
}

/** Wraps a store to record every read (options, records, bytes) and write (records, overlap). */
function spy(store: Store) {
  const stats = { reads: [] as { limit: number | undefined; records: number; bytes: number }[], writes: [] as number[], maxConcurrentWrites: 0 };
  let writing = 0;
  const s: Store = {
    backend: store.backend,
    name: store.name,
    storeNames: () => store.storeNames(),
    read: (names, fn) =>
      store.read(names, (tx) =>
        fn({
          ...tx,
          entries: async <T,>(name: string, options?: ScanOptions) => {
            const r = await tx.entries<T>(name, options);
            stats.reads.push({ limit: options?.limit, records: r.length, bytes: encodedSize(r) });
            return r;
          },
        }),
      ),
    write: async (names, fn, d) => {
      writing++;
      stats.maxConcurrentWrites = Math.max(stats.maxConcurrentWrites, writing);
      try {
        return await store.write(
          names,
          (tx) => {
            let n = 0;
            const counted: WriteTx = { ...tx, put: (st, k, v) => (n++, tx.put(st, k, v)) };
            return fn(counted).finally(() => stats.writes.push(n));
          },
          d,
        );
      } finally {
        writing--;
      }
    },
    close: () => store.close(),
    destroy: () => store.destroy(),
  };
  return { store: s, stats };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('writing streams with bounded memory', () => {
  test.each([60, 1000])('%i documents: bounded reads, one chunk in flight to a callback sink', async (docs) => {
    const src = memoryStore();
    await fillStore(src, { documents: docs });
    const { store, stats } = spy(src);
    let inFlight = 0;
    let maxInFlight = 0;
    let maxChunk = 0;
    let total = 0;
    await writeSnapshot(
      store,
      async (chunk) => {
        inFlight += chunk.length;
        maxInFlight = Math.max(maxInFlight, inFlight);
        maxChunk = Math.max(maxChunk, chunk.length);
        total += chunk.length;
        await tick(); // a slow consumer
        inFlight -= chunk.length;
      },
      { frameBytes: 8 * KiB, readBytes: 16 * KiB },
    );
    expect(stats.reads.every((r) => r.limit !== undefined)).toBe(true);
    expect(Math.max(...stats.reads.map((r) => r.bytes))).toBeLessThanOrEqual(4 * 16 * KiB);
    expect(maxInFlight).toBe(maxChunk);
    expect(maxChunk).toBeLessThan(8 * KiB + 12 * KiB); // a frame: target size + at most one record (fixture records < 12 KiB)
    if (docs === 1000) expect(total).toBeGreaterThan(40 * maxInFlight);
  });

  test('a WritableStream sink holds at most its high-water mark plus the chunk being written', async () => {
    const src = memoryStore();
    await fillStore(src, { documents: 1000 });
    let queued = 0; // bytes accepted by the stream, not yet consumed by its underlying sink
    let maxQueued = 0;
    let total = 0;
    const hwm = 32 * KiB;
    const sink = new WritableStream<Uint8Array>(
      {
        async write(chunk) {
          await tick();
          queued -= chunk.length;
          total += chunk.length;
        },
      },
      {
        highWaterMark: hwm,
        size(chunk) {
          queued += chunk.length;
          maxQueued = Math.max(maxQueued, queued);
          return chunk.length;
        },
      },
    );
    await writeSnapshot(src, sink, { frameBytes: 8 * KiB });
    expect(queued).toBe(0);
    expect(maxQueued).toBeLessThanOrEqual(hwm + 8 * KiB + 12 * KiB);
    expect(total).toBeGreaterThan(10 * maxQueued);
  });
});

describe('restoring streams with bounded memory', () => {
  test('reads the source lazily, writes bounded batches, one write at a time', async () => {
    const src = memoryStore();
    await fillStore(src, { documents: 1000 });
    const bytes = await snapshotBytes(src, { frameBytes: 8 * KiB });
    let pulled = 0;
    let at = 0;
    const source = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          if (at >= bytes.length) return c.close();
          const chunk = bytes.slice(at, at + 4 * KiB);
          at += chunk.length;
          pulled += chunk.length;
          c.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const target = spy(memoryStore());
    const pulledAtWrite: number[] = [];
    const inner = target.store.write.bind(target.store);
    target.store.write = (names, fn, d) => {
      pulledAtWrite.push(pulled);
      return inner(names, fn, d);
    };
    await restoreSnapshot(source, target.store, { batchBytes: 32 * KiB });
    expect((await compareStores(src, target.store)).equal).toBe(true);
    expect(target.stats.maxConcurrentWrites).toBe(1);
    // The first batch is written long before the whole file has been read.
    expect(pulledAtWrite[0]).toBeLessThan(64 * KiB);
    expect(bytes.length).toBeGreaterThan(500 * KiB);
    expect(target.stats.writes.length).toBeGreaterThan(10);
  });

  test('a record larger than a frame (and than 16 MiB) goes through streams both ways', async () => {
    const src = memoryStore();
    const big = new Uint8Array(20 * 1024 * KiB);
    for (let i = 0; i < big.length; i += 4099) big[i] = i & 0xff;
    await src.write(['postings', 'tasks'], async (tx) => {
      tx.put('postings', [1, 0, 'the'], big);
      tx.put('tasks', 1, { small: true });
    });
    const chunks: Uint8Array[] = [];
    await writeSnapshot(src, new WritableStream({ write: (c) => void chunks.push(c) }), { frameBytes: 64 * KiB });
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) for (let at = 0; at < chunk.length; at += 1024 * KiB) c.enqueue(chunk.slice(at, at + 1024 * KiB));
        c.close();
      },
    });
    const dst = memoryStore();
    await restoreSnapshot(source, dst);
    expect((await compareStores(src, dst)).equal).toBe(true);
  });

  test('a Blob source is read in chunks, not loaded whole', async () => {
    const src = memoryStore();
    await fillStore(src, { documents: 100 });
    const blob = blobOf(await snapshotBytes(src));
    let loadedWhole = false;
    const watched = Object.create(blob) as Blob;
    watched.arrayBuffer = () => ((loadedWhole = true), blob.arrayBuffer());
    watched.stream = () => blob.stream();
    Object.defineProperty(watched, 'size', { value: blob.size });
    const dst = memoryStore();
    await restoreSnapshot(watched, dst);
    expect(loadedWhole).toBe(false);
    expect((await compareStores(src, dst)).equal).toBe(true);
  });
});
