import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ALL_STORES, STORES } from '../../../src/engine/storage/schema.ts';
import type { Store, WriteTx } from '../../../src/engine/storage/store.ts';
import { SnapshotError } from '../../../src/backup/snapshot/snapshotError.ts';
import {
  encodeHeader,
  FRAME_HEADER_BYTES,
  HEADER_PREFIX_BYTES,
  parseHeaderBody,
  readFrameHeader,
  u32,
  type SnapshotHeader,
} from '../../../src/backup/snapshot/snapshotFormat.ts';
import { restoreSnapshot } from '../../../src/backup/snapshot/snapshotReader.ts';
import { chunkedStream, concat, expectSnapshotError, idbStore, memoryStore, recordCount, snapshotBytes } from './helpers.ts';
import { fillStore, rng } from './fixtureDb.ts';

const headerEnd = (b: Uint8Array) => HEADER_PREFIX_BYTES + u32(b, 12) + 4;

/** Replaces the header with one patched by `patch` (checksum recomputed, so only the patched field is "wrong"). */
function withHeader(bytes: Uint8Array, patch: Partial<SnapshotHeader>): Uint8Array {
  const end = headerEnd(bytes);
  const h = parseHeaderBody(bytes.subarray(0, HEADER_PREFIX_BYTES), bytes.subarray(HEADER_PREFIX_BYTES, end - 4), u32(bytes, end - 4));
  return concat([encodeHeader({ ...h, ...patch }), bytes.subarray(end)]);
}

/** Start offsets of every frame (and of the footer). */
function frameOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let at = headerEnd(bytes);
  for (;;) {
    out.push(at);
    const f = readFrameHeader(bytes.subarray(at, at + FRAME_HEADER_BYTES));
    if (f.type === 2) return out;
    at += FRAME_HEADER_BYTES + f.storedLength + 4;
  }
}

function flipBit(bytes: Uint8Array, at: number, bit = at % 8): Uint8Array {
  const b = bytes.slice();
  b[at] ^= 1 << bit;
  return b;
}

/** A store that counts committed write transactions. */
function countingWrites(store: Store): Store & { writes: number } {
  const s = Object.create(store) as Store & { writes: number };
  s.writes = 0;
  s.write = async <T,>(names: readonly string[], fn: (tx: WriteTx) => Promise<T>, d?: 'default' | 'strict' | 'relaxed') => {
    const r = await store.write(names, fn, d);
    s.writes++;
    return r;
  };
  return s;
}

let tiny: Uint8Array;
let multi: Uint8Array;

beforeAll(async () => {
  const small = memoryStore();
  await small.write([STORES.meta, STORES.tasks, STORES.postings], async (tx) => {
    tx.put(STORES.meta, 'engine', { v: 1, engineVersion: '0.1.0' });
    tx.put(STORES.tasks, 1, { uid: 1, status: 'succeeded', details: { receivedDocuments: 2 } });
    tx.put(STORES.tasks, 2, { uid: 2, status: 'enqueued', error: null });
    tx.put(STORES.postings, [1, 0, 'hello'], Uint8Array.of(1, 2, 3, 4, 5));
  });
  tiny = await snapshotBytes(small, { frameBytes: 16 });
  const big = memoryStore();
  await fillStore(big, { documents: 120, segmentSize: 50 });
  multi = await snapshotBytes(big, { frameBytes: 4096 });
});

describe('refuses a damaged snapshot and leaves the target empty', () => {
  test('the tiny sample has several frames', () => {
    expect(frameOffsets(tiny).length).toBeGreaterThanOrEqual(4);
    expect(tiny.length).toBeLessThan(1500);
  });

  test('truncated at every offset', async () => {
    for (let cut = 0; cut < tiny.length; cut++) {
      const dst = memoryStore();
      await expectSnapshotError(restoreSnapshot(tiny.subarray(0, cut), dst), 'truncated');
      expect(await recordCount(dst), `cut at ${cut}`).toBe(0);
    }
  });

  test('one bit flipped at every offset', async () => {
    const reasons = new Set<string>();
    for (let at = 0; at < tiny.length; at++) {
      const dst = memoryStore();
      const err = await expectSnapshotError(restoreSnapshot(flipBit(tiny, at), dst), ['magic', 'format_version', 'checksum', 'corrupt', 'truncated']);
      expect(err.code).toBe('invalid_store_file');
      reasons.add(err.reason);
      expect(await recordCount(dst), `flip at ${at}`).toBe(0);
    }
    expect(reasons).toContain('checksum');
  });

  test('one bit flipped at every offset, read from a stream of unknown size', async () => {
    for (let at = 0; at < tiny.length; at++) {
      const dst = memoryStore();
      await expect(restoreSnapshot(chunkedStream(flipBit(tiny, at, 7 - (at % 8)), 64, at), dst)).rejects.toBeInstanceOf(SnapshotError);
      expect(await recordCount(dst), `flip at ${at}`).toBe(0);
    }
  });

  test('a length corrupted to a gigabyte is refused without waiting for or allocating it', async () => {
    const b = tiny.slice();
    const first = headerEnd(b);
    b[first + 15] = b[first + 19] = 0x3f; // rawLength = storedLength of the first frame ≈ 1 GiB
    await expectSnapshotError(restoreSnapshot(b, memoryStore()), 'truncated');
    await expectSnapshotError(restoreSnapshot(chunkedStream(b, 1000), memoryStore()), 'truncated');
  });

  test('damage deep in a large snapshot, after batches were written, is undone (memory)', async () => {
    const rand = rng(11);
    const offsets = [...frameOffsets(multi).flatMap((o) => [o, o + 1, o + 7, o + 21]), ...Array.from({ length: 80 }, () => Math.floor(rand() * multi.length))];
    let undone = 0;
    for (const at of offsets.filter((o) => o < multi.length)) {
      for (const damaged of [multi.subarray(0, at), flipBit(multi, at, Math.floor(rand() * 8))]) {
        const dst = countingWrites(memoryStore());
        await expect(restoreSnapshot(damaged, dst, { batchBytes: 8192 })).rejects.toBeInstanceOf(SnapshotError);
        if (dst.writes > 1) undone++;
        expect(await recordCount(dst), `damage at ${at}`).toBe(0);
      }
    }
    expect(undone).toBeGreaterThan(50); // most failures happened after some records were written
  });

  test('damage deep in a large snapshot is undone (fake-indexeddb)', async () => {
    const rand = rng(12);
    const offsets = [...frameOffsets(multi).slice(-3), ...Array.from({ length: 12 }, () => Math.floor(rand() * multi.length))];
    for (const at of offsets) {
      for (const damaged of [multi.subarray(0, at), flipBit(multi, at)]) {
        const dst = countingWrites(await idbStore());
        await expect(restoreSnapshot(damaged, dst, { batchBytes: 8192 })).rejects.toBeInstanceOf(SnapshotError);
        expect(await recordCount(dst), `damage at ${at}`).toBe(0);
        await dst.destroy();
      }
    }
  });

  test('frames dropped, duplicated or swapped', async () => {
    const o = frameOffsets(multi);
    const [a, b, c] = [o[3], o[4], o[5]];
    const cases = {
      dropped: concat([multi.subarray(0, a), multi.subarray(b)]),
      duplicated: concat([multi.subarray(0, b), multi.subarray(a, b), multi.subarray(b)]),
      swapped: concat([multi.subarray(0, a), multi.subarray(b, c), multi.subarray(a, b), multi.subarray(c)]),
      'footer missing': multi.subarray(0, o.at(-1)),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const dst = memoryStore();
      const err = await expectSnapshotError(restoreSnapshot(bytes, dst), ['corrupt', 'truncated']);
      expect(await recordCount(dst), `${name}: ${err.message}`).toBe(0);
    }
  });

  test('bytes after the end', async () => {
    const dst = memoryStore();
    await expectSnapshotError(restoreSnapshot(concat([multi, Uint8Array.of(0)]), dst), 'trailing_data');
    expect(await recordCount(dst)).toBe(0);
  });
});

describe('refuses files that are not a snapshot of this version, before writing anything', () => {
  test('wrong magic, empty file, text', async () => {
    const zip = concat([Uint8Array.of(0x50, 0x4b, 0x03, 0x04), multi.subarray(4)]);
    await expectSnapshotError(restoreSnapshot(zip, memoryStore()), 'magic');
    await expectSnapshotError(restoreSnapshot(new TextEncoder().encode('{"not": "a snapshot", "padding": "................"}'), memoryStore()), 'magic');
    await expectSnapshotError(restoreSnapshot(new Uint8Array(0), memoryStore()), 'truncated');
  });

  test('another snapshot format version', async () => {
    const b = multi.slice();
    b[8] = 2;
    const err = await expectSnapshotError(restoreSnapshot(b, memoryStore()), 'format_version');
    expect(err.message).toContain('use a dump to migrate');
  });

  test('another engine version', async () => {
    const dst = countingWrites(memoryStore());
    const err = await expectSnapshotError(restoreSnapshot(withHeader(multi, { engineVersion: '0.2.0' }), dst), 'engine_version');
    expect(err.code).toBe('invalid_store_file');
    expect(err.message).toBe(
      'This snapshot was created by pocketsearch 0.2.0; this is pocketsearch 0.1.0. Snapshots only restore into the same version; use a dump to migrate.',
    );
    expect(dst.writes).toBe(0);
  });

  test('another storage format, schema version or store list', async () => {
    await expectSnapshotError(restoreSnapshot(withHeader(multi, { storageFormat: 'pocketsearch-store/2' }), memoryStore()), 'storage_format');
    await expectSnapshotError(restoreSnapshot(withHeader(multi, { schemaVersion: 99 }), memoryStore()), 'schema');
    const err = await expectSnapshotError(restoreSnapshot(multi, memoryStore([...ALL_STORES, 'extra'])), 'schema');
    expect(err.message).toContain('-extra');
  });

  test('a target that is not empty is refused and left untouched', async () => {
    const dst = countingWrites(memoryStore());
    await dst.write([STORES.tasks], async (tx) => tx.put(STORES.tasks, 77, { mine: true }));
    const err = await expectSnapshotError(restoreSnapshot(multi, dst), 'target_not_empty');
    expect(err.code).toBe('invalid_state');
    expect(await recordCount(dst)).toBe(1);
    expect(await dst.read([STORES.tasks], (tx) => tx.get(STORES.tasks, 77))).toEqual({ mine: true });
  });
});

afterAll(() => {
  tiny = multi = new Uint8Array(0);
});
