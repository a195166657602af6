import { inflateSync } from 'fflate';
import { ByteSource, type SnapshotSource } from './byteSource.ts';
import { crc32, crc32Update } from './crc32.ts';
import { MIGRATE_WITH_DUMP_HINT, SnapshotError } from './snapshotError.ts';
import {
  chainCrc,
  decodeFooterPayload,
  FLAG_DEFLATE,
  FRAME_HEADER_BYTES,
  FrameType,
  HEADER_PREFIX_BYTES,
  infoOf,
  parseHeaderBody,
  parseHeaderPrefix,
  readFrameHeader,
  SNAPSHOT_END_MAGIC,
  u32,
  type SnapshotHeader,
  type SnapshotInfo,
} from './snapshotFormat.ts';
import type { SnapshotProgress } from './snapshotWriter.ts';
import { ValueDecoder } from './valueCodec.ts';
import { toEngineError } from '../../errors/engineError.ts';
import { SCHEMA_VERSION, STORAGE_FORMAT } from '../../engine/storage/schema.ts';
import { compareKeys, type Store, type StoreKey } from '../../engine/storage/store.ts';
import { ENGINE_VERSION } from '../../version.ts';

export interface RestoreSnapshotOptions {
  /** Engine version the snapshot must come from (default `ENGINE_VERSION`). */
  expectedEngineVersion?: string;
  /** Decoded bytes per write transaction (default 1 MiB; see docs/snapshot-format.md, "Measurements"). */
  batchBytes?: number;
  onProgress?: (progress: SnapshotProgress) => void;
}

async function readHeader(src: ByteSource): Promise<{ header: SnapshotHeader; crc: number }> {
  const prefix = (await src.read(HEADER_PREFIX_BYTES)).slice();
  const jsonLength = parseHeaderPrefix(prefix);
  const rest = await src.read(jsonLength + 4);
  const crc = u32(rest, jsonLength);
  return { header: parseHeaderBody(prefix, rest.subarray(0, jsonLength), crc), crc };
}

/**
 * Reads and checks a snapshot's header (magic, format version, header checksum) without reading the records.
 * It does not check the engine version: compare `engineVersion` yourself, or let {@link restoreSnapshot} do it.
 * A stream source is cancelled after the header; pass a `Blob`/`File` to keep it reusable.
 *
 * @example
 * ```ts
 * const info = await readSnapshotHeader(await fileHandle.getFile());
 * console.log(info.engineVersion, info.createdAt, info.records, info.size);
 * ```
 */
export async function readSnapshotHeader(source: SnapshotSource): Promise<SnapshotInfo> {
  const src = ByteSource.from(source);
  try {
    return infoOf((await readHeader(src)).header, src.size);
  } finally {
    await src.close();
  }
}

/** Refuses a snapshot another engine version, storage format or schema wrote, or whose stores differ from `target`'s. */
function checkCompatible(h: SnapshotHeader, expectedEngineVersion: string, targetStores: readonly string[]): void {
  if (h.engineVersion !== expectedEngineVersion) {
    throw new SnapshotError(
      'engine_version',
      `This snapshot was created by pocketsearch ${h.engineVersion}; this is pocketsearch ${expectedEngineVersion}. ${MIGRATE_WITH_DUMP_HINT}`,
    );
  }
  if (h.storageFormat !== STORAGE_FORMAT) {
    throw new SnapshotError(
      'storage_format',
      `This snapshot holds storage format \`${h.storageFormat}\`; this database uses \`${STORAGE_FORMAT}\`. ${MIGRATE_WITH_DUMP_HINT}`,
    );
  }
  if (h.schemaVersion !== SCHEMA_VERSION) {
    throw new SnapshotError('schema', `This snapshot has schema version ${h.schemaVersion}; this database has ${SCHEMA_VERSION}. ${MIGRATE_WITH_DUMP_HINT}`);
  }
  const names = h.stores.map((s) => s.name);
  const missing = targetStores.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !targetStores.includes(n));
  if (missing.length || extra.length) {
    throw new SnapshotError(
      'schema',
      `This snapshot's object stores differ from this database's (${[...extra.map((n) => '+' + n), ...missing.map((n) => '-' + n)].join(', ')}). ${MIGRATE_WITH_DUMP_HINT}`,
    );
  }
}

const corrupt = (what: string) => new SnapshotError('corrupt', `The snapshot is corrupted: ${what}.`);

/**
 * Restores a snapshot into `target`, which must be empty, record for record. Everything is checked as early as
 * possible: the header (magic, format, versions, store list) before anything is written, each frame's checksum before
 * its records are decoded, the footer (counts, length, chained checksum) at the end. On any failure every store is
 * cleared again, so the target is left empty, and the error (a coded `SnapshotError`) is rethrown.
 * Records are written in write transactions of about `batchBytes` of decoded data each.
 *
 * @example
 * ```ts
 * const store = await IndexedDbStore.open('movies-db');
 * const info = await restoreSnapshot(file, store, { onProgress: (p) => console.log(p.records, '/', p.totalRecords) });
 * ```
 */
export async function restoreSnapshot(source: SnapshotSource, target: Store, options: RestoreSnapshotOptions = {}): Promise<SnapshotInfo> {
  const src = ByteSource.from(source);
  let names: string[] = [];
  let wrote = false;
  let pending: Promise<void> = Promise.resolve();
  try {
    const { header: h, crc: headerCrc } = await readHeader(src);
    checkCompatible(h, options.expectedEngineVersion ?? ENGINE_VERSION, target.storeNames());
    names = h.stores.map((s) => s.name);
    const counts = await target.read(names, (tx) => Promise.all(names.map((n) => tx.count(n))));
    const nonEmpty = names.filter((_, i) => counts[i] > 0);
    if (nonEmpty.length) {
      throw new SnapshotError(
        'target_not_empty',
        `A snapshot restores only into an empty database; stores ${nonEmpty.map((n) => `\`${n}\``).join(', ')} hold records.`,
      );
    }

    const batchBytes = options.batchBytes ?? 1024 * 1024;
    const totalRecords = h.stores.reduce((n, s) => n + s.records, 0);
    const seen = names.map(() => 0);
    let batch: [StoreKey, unknown][] = [];
    let batchStore = 0;
    let batchSize = 0;
    /** Starts writing the batch; at most one write is in flight while the next frames are decoded. */
    const commit = async (final: boolean) => {
      if (batch.length === 0) return;
      const records = batch;
      const name = names[batchStore];
      batch = [];
      batchSize = 0;
      await pending;
      wrote = true;
      pending = target.write(
        [name],
        async (tx) => {
          for (const [k, v] of records) tx.put(name, k, v);
        },
        final ? 'strict' : 'relaxed',
      );
      pending.catch(() => undefined); // awaited later; this only avoids an unhandled-rejection report meanwhile
    };

    let chain = chainCrc(0, headerCrc);
    let seq = 0;
    let done = 0;
    let prevKey: StoreKey | undefined;
    for (;;) {
      const frameStart = src.offset;
      const fh = (await src.read(FRAME_HEADER_BYTES)).slice();
      const f = readFrameHeader(fh);
      if (f.seq !== seq) throw corrupt('frames are missing or out of order');
      const body = await src.read(f.storedLength + 4);
      const crc = crc32Update(crc32(fh), body, 0, f.storedLength);
      if (crc !== u32(body, f.storedLength)) {
        throw new SnapshotError('checksum', `The snapshot is corrupted: checksum mismatch in the frame at byte ${frameStart}.`);
      }
      if (f.type === FrameType.End) {
        const footer = decodeFooterPayload(body.subarray(0, f.storedLength));
        const countsOk =
          f.records === totalRecords &&
          footer.counts.length === names.length &&
          footer.counts.every((c, i) => c === h.stores[i].records && c === seen[i]);
        if (!countsOk) throw corrupt('record counts do not match the header');
        if (footer.bytesBefore !== frameStart) throw corrupt('the file length does not match the footer');
        if (footer.chainCrc !== chain) throw new SnapshotError('checksum', 'The snapshot is corrupted: whole-file checksum mismatch.');
        const end = await src.read(SNAPSHOT_END_MAGIC.length);
        if (end.some((b, i) => b !== SNAPSHOT_END_MAGIC[i])) throw corrupt('bad end marker');
        if (!(await src.atEnd())) throw new SnapshotError('trailing_data', 'The snapshot is corrupted: unexpected bytes after its end.');
        await commit(true);
        await pending;
        return infoOf(h, src.offset);
      }
      chain = chainCrc(chain, crc);
      if (f.store >= names.length || f.store < batchStore) throw corrupt('a frame belongs to no store or comes out of order');
      if (f.store !== batchStore) {
        await commit(false);
        batchStore = f.store;
        prevKey = undefined;
      }
      let raw = body.subarray(0, f.storedLength);
      if (f.flags & FLAG_DEFLATE) {
        try {
          raw = inflateSync(raw, { out: new Uint8Array(f.rawLength) });
        } catch {
          throw corrupt('a compressed frame does not inflate');
        }
        if (raw.length !== f.rawLength) throw corrupt('a compressed frame has the wrong length');
      }
      const dec = new ValueDecoder(raw);
      for (let i = 0; i < f.records; i++) {
        const key = dec.key();
        const value = dec.value();
        if (prevKey !== undefined && compareKeys(prevKey, key) >= 0) throw corrupt('keys are out of order');
        prevKey = key;
        batch.push([key, value]);
      }
      if (dec.pos !== raw.length) throw corrupt('a frame has bytes after its records');
      seen[f.store] += f.records;
      if (seen[f.store] > h.stores[f.store].records) throw corrupt('a store has more records than its header says');
      seq++;
      done += f.records;
      batchSize += raw.length;
      options.onProgress?.({ store: names[f.store], records: done, totalRecords, bytes: src.offset });
      if (batchSize >= batchBytes) await commit(false);
    }
  } catch (e) {
    await pending.catch(() => undefined);
    let error = toEngineError(e);
    if (wrote) {
      try {
        await clearStores(target, names);
      } catch (c) {
        const prefix = `The partly restored database could not be cleared (${toEngineError(c).message}). `;
        error = error instanceof SnapshotError ? new SnapshotError(error.reason, prefix + error.message) : error.withPrefix(prefix);
      }
    }
    throw error;
  } finally {
    await src.close();
  }
}

/** Empties `names` in one transaction. */
async function clearStores(target: Store, names: readonly string[]): Promise<void> {
  await target.write(names, async (tx) => {
    for (const n of names) tx.clear(n);
  });
}
