/**
 * The snapshot container: header, frames, footer (spec: docs/snapshot-format.md).
 *
 * ```
 * header  magic "\x89PSNAP\r\n" · u16 formatVersion · u16 reserved · u32 jsonLength · JSON · u32 CRC-32
 * frame*  u8 type=1 · u8 flags · u16 store · u32 seq · u32 records · u32 rawLength · u32 storedLength · payload · u32 CRC-32
 * footer  u8 type=2 · … same 20-byte frame header … · payload (counts, length, chained CRC) · u32 CRC-32 · "PSNAPEND"
 * ```
 * All integers little-endian. This module only encodes and parses; streaming is in the writer and reader.
 */
import { ByteWriter } from './byteWriter.ts';
import { crc32, crc32Update } from './crc32.ts';
import { MIGRATE_WITH_DUMP_HINT, SnapshotError } from './snapshotError.ts';
import { ValueDecoder } from './valueCodec.ts';

/** First 8 bytes of every snapshot (`\x89PSNAP\r\n`: non-ASCII first byte and CR LF catch text-mode mangling). */
export const SNAPSHOT_MAGIC: Uint8Array = Uint8Array.of(0x89, 0x50, 0x53, 0x4e, 0x41, 0x50, 0x0d, 0x0a);
/** Last 8 bytes of every snapshot. */
export const SNAPSHOT_END_MAGIC: Uint8Array = Uint8Array.of(0x50, 0x53, 0x4e, 0x41, 0x50, 0x45, 0x4e, 0x44); // PSNAPEND
/** Version of this container layout; readers refuse any other. */
export const SNAPSHOT_FORMAT_VERSION = 1;

/** Bytes before the header JSON: magic, u16 version, u16 reserved, u32 JSON length. */
export const HEADER_PREFIX_BYTES = 16;
/** Upper bound of the header JSON (a corrupted length must not make us allocate gigabytes). */
export const MAX_HEADER_JSON_BYTES = 1 << 20;
export const FRAME_HEADER_BYTES = 20;
/** Upper bound of one frame's payload (a frame holds at least one whole record). */
export const MAX_FRAME_BYTES = 1 << 30;

export const FrameType = { Records: 1, End: 2 } as const;
/** Frame flag: the payload is raw DEFLATE (RFC 1951) of `rawLength` bytes. */
export const FLAG_DEFLATE = 1;

export type SnapshotCompression = 'none' | 'deflate';

/** An object store in a snapshot, in file order, with its number of records. */
export interface SnapshotStoreInfo {
  name: string;
  records: number;
}

/** What the header of a snapshot says. */
export interface SnapshotHeader {
  formatVersion: number;
  /** pocketsearch version that wrote it (`ENGINE_VERSION`); restore requires equality. */
  engineVersion: string;
  /** `STORAGE_FORMAT` of the database; restore requires equality. */
  storageFormat: string;
  /** `SCHEMA_VERSION` of the database; restore requires equality. */
  schemaVersion: number;
  /** RFC 3339 creation time. */
  createdAt: string;
  /** Name of the database it was taken from. */
  dbName: string;
  compression: SnapshotCompression;
  /** Every object store, in file order, with its record count. */
  stores: SnapshotStoreInfo[];
}

/** A snapshot's header plus totals: returned by write, restore and header reads. */
export interface SnapshotInfo extends SnapshotHeader {
  /** Total number of records. */
  records: number;
  /** File size in bytes when known (always after write/restore; for a header read of a Blob or bytes). */
  size: number | null;
}

/** @internal Header + totals. */
export function infoOf(header: SnapshotHeader, size: number | null): SnapshotInfo {
  return { ...header, records: header.stores.reduce((n, s) => n + s.records, 0), size };
}

/**
 * Encodes the header (magic … CRC).
 *
 * @example
 * ```ts
 * const bytes = encodeHeader({ formatVersion: 1, engineVersion: '0.1.0', storageFormat: STORAGE_FORMAT, schemaVersion: 1,
 *   createdAt: new Date().toISOString(), dbName: 'movies', compression: 'none', stores: [{ name: 'tasks', records: 3 }] });
 * ```
 */
export function encodeHeader(h: SnapshotHeader): Uint8Array {
  const json = new TextEncoder().encode(
    JSON.stringify({
      engineVersion: h.engineVersion,
      storageFormat: h.storageFormat,
      schemaVersion: h.schemaVersion,
      createdAt: h.createdAt,
      dbName: h.dbName,
      compression: h.compression,
      stores: h.stores.map((s) => ({ name: s.name, records: s.records })),
    }),
  );
  if (json.length > MAX_HEADER_JSON_BYTES) throw new SnapshotError('unsupported_value', 'The snapshot header is too large.');
  const w = new ByteWriter(HEADER_PREFIX_BYTES + json.length + 4);
  w.bytes(SNAPSHOT_MAGIC);
  w.u16(h.formatVersion);
  w.u16(0);
  w.u32(json.length);
  w.bytes(json);
  w.u32(crc32(w.buf, 0, w.pos));
  return w.copy();
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

/** @internal Little-endian u32 at `at`. */
export function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** @internal Checks magic and format version of the 16-byte prefix; returns the JSON length. */
export function parseHeaderPrefix(prefix: Uint8Array): number {
  for (let i = 0; i < SNAPSHOT_MAGIC.length; i++) {
    if (prefix[i] !== SNAPSHOT_MAGIC[i]) throw new SnapshotError('magic', 'This file is not a pocketsearch snapshot.');
  }
  const version = u16(prefix, 8);
  if (version !== SNAPSHOT_FORMAT_VERSION) {
    throw new SnapshotError(
      'format_version',
      `This snapshot uses snapshot format ${version}; this version of pocketsearch reads format ${SNAPSHOT_FORMAT_VERSION}. ${MIGRATE_WITH_DUMP_HINT}`,
    );
  }
  const len = u32(prefix, 12);
  if (len > MAX_HEADER_JSON_BYTES) throw new SnapshotError('corrupt', 'The snapshot is corrupted: header length out of range.');
  return len;
}

/** @internal Verifies the header CRC over `prefix + json` and parses the JSON. */
export function parseHeaderBody(prefix: Uint8Array, json: Uint8Array, crc: number): SnapshotHeader {
  if (crc32Update(crc32(prefix), json) !== crc) throw new SnapshotError('checksum', 'The snapshot header is corrupted (checksum mismatch).');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new SnapshotError('corrupt', 'The snapshot is corrupted: the header is not valid JSON.');
  }
  const o = raw as Partial<Record<keyof SnapshotHeader, unknown>> | null;
  const stores = o?.stores;
  const ok =
    o !== null &&
    typeof o === 'object' &&
    typeof o.engineVersion === 'string' &&
    typeof o.storageFormat === 'string' &&
    typeof o.schemaVersion === 'number' &&
    typeof o.createdAt === 'string' &&
    typeof o.dbName === 'string' &&
    (o.compression === 'none' || o.compression === 'deflate') &&
    Array.isArray(stores) &&
    stores.length <= 0xffff &&
    stores.every(
      (s: { name?: unknown; records?: unknown } | null) =>
        s !== null && typeof s.name === 'string' && Number.isSafeInteger(s.records) && (s.records as number) >= 0,
    );
  if (!ok) throw new SnapshotError('corrupt', 'The snapshot is corrupted: the header misses required fields.');
  const names = new Set((stores as SnapshotStoreInfo[]).map((s) => s.name));
  if (names.size !== stores.length) throw new SnapshotError('corrupt', 'The snapshot is corrupted: a store is listed twice.');
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    engineVersion: o.engineVersion as string,
    storageFormat: o.storageFormat as string,
    schemaVersion: o.schemaVersion as number,
    createdAt: o.createdAt as string,
    dbName: o.dbName as string,
    compression: o.compression as SnapshotCompression,
    stores: (stores as SnapshotStoreInfo[]).map((s) => ({ name: s.name, records: s.records })),
  };
}

/** The fixed 20-byte header of a frame. */
export interface FrameHeader {
  type: number;
  flags: number;
  store: number;
  seq: number;
  records: number;
  rawLength: number;
  storedLength: number;
}

/** @internal */
export function writeFrameHeader(b: Uint8Array, at: number, f: FrameHeader): void {
  const v = new DataView(b.buffer, b.byteOffset + at, FRAME_HEADER_BYTES);
  v.setUint8(0, f.type);
  v.setUint8(1, f.flags);
  v.setUint16(2, f.store, true);
  v.setUint32(4, f.seq, true);
  v.setUint32(8, f.records, true);
  v.setUint32(12, f.rawLength, true);
  v.setUint32(16, f.storedLength, true);
}

/** @internal Parses and sanity-checks a frame header (`corrupt` when impossible). */
export function readFrameHeader(b: Uint8Array): FrameHeader {
  const f = {
    type: b[0],
    flags: b[1],
    store: u16(b, 2),
    seq: u32(b, 4),
    records: u32(b, 8),
    rawLength: u32(b, 12),
    storedLength: u32(b, 16),
  };
  // Checked before reading the payload, so a flipped length byte cannot make us allocate or wait for gigabytes.
  const bad =
    (f.type !== FrameType.Records && f.type !== FrameType.End) ||
    (f.flags & ~FLAG_DEFLATE) !== 0 ||
    f.rawLength > MAX_FRAME_BYTES ||
    f.storedLength > MAX_FRAME_BYTES ||
    (f.flags === 0 && f.rawLength !== f.storedLength) ||
    (f.type === FrameType.Records && (f.records === 0 || f.records > f.rawLength)) ||
    (f.type === FrameType.End && f.flags !== 0);
  if (bad) throw new SnapshotError('corrupt', 'The snapshot is corrupted: a frame header is invalid.');
  return f;
}

/** The footer's payload: per-store counts, bytes before the footer, and the CRC-32 chained over every earlier CRC. */
export interface Footer {
  counts: number[];
  bytesBefore: number;
  chainCrc: number;
}

/** @internal */
export function encodeFooterPayload(f: Footer): Uint8Array {
  const w = new ByteWriter(64 + 8 * f.counts.length);
  w.varint(f.counts.length);
  for (const c of f.counts) w.varint(c);
  w.varint(f.bytesBefore);
  w.u32(f.chainCrc);
  return w.copy();
}

/** @internal */
export function decodeFooterPayload(b: Uint8Array): Footer {
  const d = new ValueDecoder(b);
  const n = d.varint();
  if (n > 0xffff) throw new SnapshotError('corrupt', 'The snapshot is corrupted: bad footer.');
  const counts: number[] = [];
  for (let i = 0; i < n; i++) counts.push(d.varint());
  const bytesBefore = d.varint();
  if (d.pos + 4 !== b.length) throw new SnapshotError('corrupt', 'The snapshot is corrupted: bad footer.');
  return { counts, bytesBefore, chainCrc: u32(b, d.pos) };
}

/** @internal Folds a frame's (or the header's) CRC into the running chain CRC stored in the footer. */
export function chainCrc(chain: number, crc: number): number {
  return crc32Update(chain, Uint8Array.of(crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24));
}
