/**
 * Where finished dumps and the current snapshot are kept. The engine knows no files: the browser worker plugs in
 * OPFS (`src/backup/opfsBackupStorage.ts`), Node and tests use {@link MemoryBackupStorage}.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { Store } from '../storage/store.ts';
import type { WriteSnapshotOptions } from '../../backup/snapshot/snapshotWriter.ts';
import { snapshotFileName } from '../../backup/snapshot/opfsSnapshots.ts';
import { loadSnapshotCode } from './lazyBackupCode.ts';

/** A finished dump, as `listDumps()` shows it. */
export interface DumpFileInfo {
  /** The dump's uid (`YYYYMMDD-HHMMSSmmm`); its file is `<uid>.dump`. */
  uid: string;
  /** File size in bytes. */
  size: number;
  /** RFC 3339: when the dump was started (its uid), or the file's date for a file not named after a uid. */
  createdAt: string;
}

/** The current snapshot, as `getSnapshotInfo()` shows it. */
export interface SnapshotFileInfo {
  /** File name, `<db name>.snapshot`. */
  name: string;
  /** RFC 3339, from the snapshot header. */
  createdAt: string;
  /** File size in bytes. */
  size: number;
  /** pocketsearch version that wrote it (a snapshot restores only into the same version). */
  engineVersion: string;
}

/**
 * Files of dumps and snapshots. Writes are atomic: a dump or snapshot is visible only once complete, and a new
 * snapshot replaces the previous one in one step (an interrupted write leaves the previous one).
 */
export interface BackupStorage {
  /** `memory` or `opfs`. */
  readonly kind: string;
  /** Writes `<uid>.dump` from `bytes`; resolves with its size once it is complete and visible. */
  writeDump(uid: string, bytes: ReadableStream<Uint8Array>): Promise<number>;
  listDumps(): Promise<DumpFileInfo[]>;
  /** The dump's file, or `null` when there is none. */
  getDump(uid: string): Promise<File | null>;
  /** Deletes a dump; false when there was none. */
  deleteDump(uid: string): Promise<boolean>;
  /** Writes a snapshot of `store` as `<store.name>.snapshot`, replacing the previous one atomically. */
  writeSnapshot(store: Store, options: WriteSnapshotOptions): Promise<SnapshotFileInfo>;
  /** The snapshot of database `dbName`, or `null`. */
  snapshotInfo(dbName: string): Promise<SnapshotFileInfo | null>;
  /** A snapshot file by name (`movies.snapshot`, or the database name `movies`), or `null`. */
  getSnapshot(name: string): Promise<File | null>;
  /** Removes temporary files left by interrupted writes of `dbName` (called at start-up). */
  cleanup(dbName: string): Promise<void>;
}

const DUMP_UID = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})$/;

/**
 * The start time encoded in a dump uid, as RFC 3339, or `null` if `uid` is not `YYYYMMDD-HHMMSSmmm`.
 *
 * @example
 * ```ts
 * dumpUidDate('20250731-092130478'); // '2025-07-31T09:21:30.478Z'
 * ```
 */
export function dumpUidDate(uid: string): string | null {
  const m = DUMP_UID.exec(uid);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Throws `dump_not_found` for a uid that cannot name a dump file (keeps names inside the dumps directory). */
export function checkDumpUid(uid: unknown): string {
  if (typeof uid !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(uid)) {
    throw new EngineError('dump_not_found', `Dump \`${String(uid)}\` not found.`);
  }
  return uid;
}

/** The snapshot file name a `name` option designates: `movies` and `movies.snapshot` both give `movies.snapshot`. */
export function snapshotNameOf(name: string): string {
  return name.endsWith('.snapshot') ? name : snapshotFileName(name);
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>[]> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value.slice());
  }
}

/**
 * Dumps and snapshots kept in memory (Node, tests, browsers without OPFS). Share one instance between engines
 * to import one engine's dump or snapshot into another by name.
 *
 * @example
 * ```ts
 * const backups = new MemoryBackupStorage();
 * const a = await createEngine({ storage: 'memory', backupStorage: backups });
 * const task = await a.createDump().waitTask();
 * const b = await createEngine({ storage: 'memory', name: 'b', backupStorage: backups, importDump: task.details!.dumpUid as string });
 * ```
 */
export class MemoryBackupStorage implements BackupStorage {
  readonly kind = 'memory';
  private readonly dumps = new Map<string, File>();
  private readonly snapshots = new Map<string, File>();

  async writeDump(uid: string, bytes: ReadableStream<Uint8Array>): Promise<number> {
    checkDumpUid(uid);
    const file = new File(await collect(bytes), `${uid}.dump`, { type: 'application/gzip' });
    this.dumps.set(uid, file);
    return file.size;
  }

  async listDumps(): Promise<DumpFileInfo[]> {
    return [...this.dumps]
      .map(([uid, f]) => ({ uid, size: f.size, createdAt: dumpUidDate(uid) ?? new Date(f.lastModified).toISOString() }))
      .sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  }

  async getDump(uid: string): Promise<File | null> {
    return this.dumps.get(uid) ?? null;
  }

  async deleteDump(uid: string): Promise<boolean> {
    return this.dumps.delete(uid);
  }

  async writeSnapshot(store: Store, options: WriteSnapshotOptions): Promise<SnapshotFileInfo> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const { writeSnapshot } = await loadSnapshotCode();
    const info = await writeSnapshot(store, async (c) => void parts.push(c.slice()), options);
    const name = snapshotFileName(store.name);
    this.snapshots.set(name, new File(parts, name, { type: 'application/octet-stream' }));
    return { name, createdAt: info.createdAt, size: info.size ?? 0, engineVersion: info.engineVersion };
  }

  async snapshotInfo(dbName: string): Promise<SnapshotFileInfo | null> {
    const file = this.snapshots.get(snapshotFileName(dbName));
    if (!file) return null;
    const { readSnapshotHeader } = await loadSnapshotCode();
    const h = await readSnapshotHeader(file);
    return { name: file.name, createdAt: h.createdAt, size: file.size, engineVersion: h.engineVersion };
  }

  async getSnapshot(name: string): Promise<File | null> {
    return this.snapshots.get(snapshotNameOf(name)) ?? null;
  }

  async cleanup(): Promise<void> {}
}
