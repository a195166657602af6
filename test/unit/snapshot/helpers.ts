import { expect } from 'vitest';
import { MemoryStore } from '../../../src/engine/storage/memoryStore.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import { ALL_STORES } from '../../../src/engine/storage/schema.ts';
import type { Store } from '../../../src/engine/storage/store.ts';
import { SnapshotError, type SnapshotErrorReason } from '../../../src/backup/snapshot/snapshotError.ts';
import { writeSnapshot, type WriteSnapshotOptions } from '../../../src/backup/snapshot/snapshotWriter.ts';
import { storeChecksum } from '../../../src/backup/snapshot/storeChecksum.ts';

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function memoryStore(names: readonly string[] = ALL_STORES, name = uniqueName('mem')): MemoryStore {
  return new MemoryStore(name, names);
}

/** Needs `import 'fake-indexeddb/auto'` in the test file. */
export function idbStore(name = uniqueName('idb')): Promise<IndexedDbStore> {
  return IndexedDbStore.open(name);
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function blobOf(...parts: Uint8Array[]): Blob {
  return new Blob(parts as Uint8Array<ArrayBuffer>[]);
}

/** The whole snapshot of `store` as bytes. */
export async function snapshotBytes(store: Store, options: WriteSnapshotOptions = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeSnapshot(store, async (c) => void chunks.push(c), options);
  return concat(chunks);
}

/** A stream delivering `bytes` in chunks of pseudo-random sizes in [1, maxChunk]. */
export function chunkedStream(bytes: Uint8Array, maxChunk: number, seed = 1): ReadableStream<Uint8Array> {
  let at = 0;
  let s = seed;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      s = (s * 1103515245 + 12345) % 2147483648;
      const n = 1 + (s % maxChunk);
      controller.enqueue(bytes.slice(at, at + n));
      at += n;
    },
  });
}

export async function recordCount(store: Store): Promise<number> {
  return (await storeChecksum(store)).records;
}

/** Asserts `p` rejects with a `SnapshotError` of `reason` (or one of `reasons`), and returns it. */
export async function expectSnapshotError(p: Promise<unknown>, reasons: SnapshotErrorReason | SnapshotErrorReason[]): Promise<SnapshotError> {
  const list = Array.isArray(reasons) ? reasons : [reasons];
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SnapshotError);
    const err = e as SnapshotError;
    expect(list, err.message).toContain(err.reason);
    return err;
  }
  throw new Error(`expected a SnapshotError (${list.join(' | ')}), but it resolved`);
}
