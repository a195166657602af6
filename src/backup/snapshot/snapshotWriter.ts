import { deflateSync } from 'fflate';
import { ByteWriter } from './byteWriter.ts';
import { crc32, crc32Update } from './crc32.ts';
import { SnapshotError } from './snapshotError.ts';
import {
  chainCrc,
  encodeFooterPayload,
  encodeHeader,
  FLAG_DEFLATE,
  FRAME_HEADER_BYTES,
  FrameType,
  infoOf,
  SNAPSHOT_END_MAGIC,
  SNAPSHOT_FORMAT_VERSION,
  u32,
  writeFrameHeader,
  type SnapshotCompression,
  type SnapshotHeader,
  type SnapshotInfo,
} from './snapshotFormat.ts';
import { ValueEncoder } from './valueCodec.ts';
import { STORAGE_FORMAT, SCHEMA_VERSION, STORES } from '../../engine/storage/schema.ts';
import type { Store, StoreKey } from '../../engine/storage/store.ts';
import { ENGINE_VERSION } from '../../version.ts';

/** Where a snapshot is written: a `WritableStream` (e.g. an OPFS `createWritable()`) or an async callback. */
export type SnapshotSink = WritableStream<Uint8Array> | ((chunk: Uint8Array) => Promise<void>);

/** Progress of a snapshot write or restore, reported after every frame. */
export interface SnapshotProgress {
  /** Store being copied. */
  store: string;
  /** Records copied so far, all stores together. */
  records: number;
  /** Records in the snapshot. */
  totalRecords: number;
  /** File bytes written or read so far. */
  bytes: number;
}

export interface WriteSnapshotOptions {
  /** Engine version recorded in the header (default `ENGINE_VERSION`). */
  engineVersion?: string;
  /** Creation time recorded in the header (default: now). */
  now?: Date | number;
  /**
   * `'none'` (default) or `'deflate'` (fflate level 1, per frame, kept only where it shrinks the frame).
   * Measured: deflate makes files ~2× smaller but writes 5–6× slower (docs/snapshot-format.md, "Measurements").
   */
  compression?: SnapshotCompression;
  /** Target uncompressed bytes per frame (default 256 KiB). */
  frameBytes?: number;
  /** Target bytes fetched per range read (default 1 MiB); the record count per read adapts to it. */
  readBytes?: number;
  onProgress?: (progress: SnapshotProgress) => void;
}

/** Stores written last, so a restore interrupted by a crash leaves them empty (`meta` marks a usable database). */
const WRITTEN_LAST: readonly string[] = [STORES.meta];

/** Records in a store's first read; later reads adapt to the record sizes. */
const FIRST_READ_LIMIT = 16;
const MIN_READ_LIMIT = 1;
const MAX_READ_LIMIT = 8192;

/** Adapts a sink to `emit(chunk)` + `close()` + `abort()`, respecting the stream's backpressure. */
function adaptSink(sink: SnapshotSink): { emit(c: Uint8Array): Promise<void>; close(): Promise<void>; abort(e: unknown): Promise<void> } {
  if (typeof sink === 'function') return { emit: sink, close: async () => {}, abort: async () => {} };
  const w = sink.getWriter();
  let failure: { error: unknown } | null = null;
  return {
    async emit(c) {
      await w.ready;
      if (failure) throw failure.error;
      // Not awaited: the stream's queue (its highWaterMark) bounds what is in flight; `ready` waits for room.
      w.write(c).catch((error: unknown) => (failure ??= { error }));
    },
    async close() {
      await w.close();
      if (failure) throw failure.error;
    },
    async abort(e) {
      await w.abort(e).catch(() => undefined);
    },
  };
}

function describeKey(key: StoreKey): string {
  const s = JSON.stringify(key);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

/**
 * Streams an exact copy of every object store of `store` into `sink`: a header, then each store's records in key
 * order in checksummed frames, then a footer. Reads in short read-only transactions of bounded size, so memory stays
 * bounded whatever the database size; the caller must keep writes out while it runs (the engine's snapshot task does).
 * A `WritableStream` sink is closed on success and aborted on failure; a callback sink is left as is.
 *
 * @example
 * ```ts
 * const dir = await navigator.storage.getDirectory();
 * const file = await dir.getFileHandle('db.snapshot', { create: true });
 * const info = await writeSnapshot(store, await file.createWritable());
 * console.log(info.records, info.size);
 * ```
 */
export async function writeSnapshot(store: Store, sink: SnapshotSink, options: WriteSnapshotOptions = {}): Promise<SnapshotInfo> {
  const out = adaptSink(sink);
  try {
    const info = await writeAll(store, out.emit, options);
    await out.close();
    return info;
  } catch (e) {
    await out.abort(e);
    throw e;
  }
}

async function writeAll(store: Store, emit: (c: Uint8Array) => Promise<void>, options: WriteSnapshotOptions): Promise<SnapshotInfo> {
  const all = store.storeNames();
  const names = [...all.filter((n) => !WRITTEN_LAST.includes(n)), ...all.filter((n) => WRITTEN_LAST.includes(n))];
  const counts = await store.read(names, (tx) => Promise.all(names.map((n) => tx.count(n))));
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const compression = options.compression ?? 'none';
  const header: SnapshotHeader = {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    engineVersion: options.engineVersion ?? ENGINE_VERSION,
    storageFormat: STORAGE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    createdAt: now.toISOString(),
    dbName: store.name,
    compression,
    stores: names.map((name, i) => ({ name, records: counts[i] })),
  };
  const totalRecords = counts.reduce((a, b) => a + b, 0);
  const frameBytes = options.frameBytes ?? 256 * 1024;
  const readBytes = options.readBytes ?? 1024 * 1024;

  const headerBytes = encodeHeader(header);
  let bytes = headerBytes.length;
  let chain = chainCrc(0, u32(headerBytes, headerBytes.length - 4));
  await emit(headerBytes);

  const w = new ByteWriter(frameBytes + frameBytes / 4);
  const enc = new ValueEncoder(w);
  let seq = 0;
  let done = 0;

  /** Turns the records encoded since the last flush into one frame and emits it. */
  const flush = async (storeIndex: number, records: number) => {
    const rawLength = w.pos - FRAME_HEADER_BYTES;
    const f = { type: FrameType.Records, flags: 0, store: storeIndex, seq, records, rawLength, storedLength: rawLength };
    const packed = compression === 'deflate' ? deflateSync(w.buf.subarray(FRAME_HEADER_BYTES, w.pos), { level: 1 }) : null;
    let frame: Uint8Array;
    if (packed && packed.length < rawLength) {
      frame = new Uint8Array(FRAME_HEADER_BYTES + packed.length + 4);
      frame.set(packed, FRAME_HEADER_BYTES);
      writeFrameHeader(frame, 0, { ...f, flags: FLAG_DEFLATE, storedLength: packed.length });
    } else {
      w.u32(0); // room for the CRC
      frame = w.copy();
      writeFrameHeader(frame, 0, f);
    }
    const crcAt = frame.length - 4;
    const crc = crc32(frame, 0, crcAt);
    new DataView(frame.buffer).setUint32(crcAt, crc, true);
    chain = chainCrc(chain, crc);
    seq++;
    done += records;
    bytes += frame.length;
    w.reset();
    w.pos = FRAME_HEADER_BYTES;
    enc.resetNames();
    options.onProgress?.({ store: names[storeIndex], records: done, totalRecords, bytes });
    await emit(frame);
  };

  w.pos = FRAME_HEADER_BYTES;
  for (let si = 0; si < names.length; si++) {
    const name = names[si];
    let limit = FIRST_READ_LIMIT;
    let avgBytes = 0; // average encoded record size of the previous batch (0 = not known yet)
    let seen = 0;
    let inFrame = 0;
    const readAfter = (last: StoreKey | undefined, n: number) => {
      const range = last === undefined ? undefined : { lower: last, lowerOpen: true };
      const p = store.read([name], (tx) => tx.entries<unknown>(name, { range, limit: n }));
      p.catch(() => undefined); // awaited below; no unhandled rejection if encoding fails first
      return p;
    };
    let pending = readAfter(undefined, limit);
    for (;;) {
      const batch = await pending;
      const more = batch.length === limit;
      let nextLimit = limit;
      if (more) {
        // Read ahead: the next batch is fetched while this one is encoded and written. Each read aims at
        // `readBytes` from the average record size seen, growing at most 2× per read.
        const fit = avgBytes > 0 ? Math.floor(readBytes / avgBytes) : MAX_READ_LIMIT;
        nextLimit = Math.max(MIN_READ_LIMIT, Math.min(MAX_READ_LIMIT, 2 * limit, fit));
        pending = readAfter(batch[batch.length - 1][0], nextLimit);
      }
      let batchBytes = 0;
      for (const [key, value] of batch) {
        const before = w.pos;
        try {
          enc.key(key);
          enc.value(value);
        } catch (e) {
          if (e instanceof SnapshotError) {
            throw new SnapshotError(e.reason, `Store \`${name}\`, key ${describeKey(key)}: ${e.message}`);
          }
          throw e;
        }
        batchBytes += w.pos - before;
        inFrame++;
        if (w.pos - FRAME_HEADER_BYTES >= frameBytes) {
          await flush(si, inFrame);
          inFrame = 0;
        }
      }
      seen += batch.length;
      if (!more) break;
      avgBytes = batchBytes / Math.max(1, batch.length);
      limit = nextLimit;
    }
    if (inFrame > 0) await flush(si, inFrame);
    if (seen !== counts[si]) {
      throw new SnapshotError(
        'concurrent_write',
        `Store \`${name}\` changed while the snapshot was written (${counts[si]} records at the start, ${seen} copied); no write may run during a snapshot.`,
      );
    }
  }

  const payload = encodeFooterPayload({ counts, bytesBefore: bytes, chainCrc: chain });
  const footer = new Uint8Array(FRAME_HEADER_BYTES + payload.length + 4 + SNAPSHOT_END_MAGIC.length);
  writeFrameHeader(footer, 0, {
    type: FrameType.End,
    flags: 0,
    store: 0,
    seq,
    records: totalRecords,
    rawLength: payload.length,
    storedLength: payload.length,
  });
  footer.set(payload, FRAME_HEADER_BYTES);
  const crcAt = FRAME_HEADER_BYTES + payload.length;
  new DataView(footer.buffer).setUint32(crcAt, crc32Update(0, footer, 0, crcAt), true);
  footer.set(SNAPSHOT_END_MAGIC, crcAt + 4);
  bytes += footer.length;
  await emit(footer);
  return infoOf(header, bytes);
}
