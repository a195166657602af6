/**
 * The OPFS edge of dumps and snapshots (browser workers): a {@link BackupStorage} over two directories of the
 * origin private file system, `dumps/` and `snapshots/` by default (created when missing).
 *
 * - Dumps: `<dumpsDir>/<uid>.dump`, written to `<uid>.dump.tmp-<id>` and moved to their name once complete, so
 *   a visible dump file is always whole; an interrupted write (worker killed, tab closed) leaves only a temporary
 *   file, removed at the next start-up.
 * - Snapshots: `<snapshotsDir>/<db name>.snapshot`, replaced atomically (see `snapshot/opfsSnapshots.ts`).
 */
import { EngineError } from '../errors/engineError.ts';
import type { Store } from '../engine/storage/store.ts';
import { checkDumpUid, dumpUidDate, snapshotNameOf, type BackupStorage, type DumpFileInfo, type SnapshotFileInfo } from '../engine/backup/backupStorage.ts';
import {
  cleanupTemporarySnapshots,
  DEFAULT_SNAPSHOTS_DIR,
  fileSink,
  getSnapshotInfo,
  replaceFileAtomically,
  writeSnapshotFile,
  type DirectoryLike,
  type SnapshotDirectoryHandle,
} from './snapshot/opfsSnapshots.ts';
import type { WriteSnapshotOptions } from './snapshot/snapshotWriter.ts';

/** Default name of the dumps directory under the OPFS root. */
export const DEFAULT_DUMPS_DIR = 'dumps';
const DUMP_EXTENSION = '.dump';
const TMP_MARK = '.tmp-';

export interface OpfsBackupStorageOptions {
  /** Name of the dumps directory under the OPFS root (default `dumps`). */
  dumpsDir?: string;
  /** Name of the snapshots directory under the OPFS root (default `snapshots`). */
  snapshotsDir?: string;
  /** The root (default `navigator.storage.getDirectory()`); tests pass fakes. */
  root?: FileSystemDirectoryHandle;
}

/** Bytes per OPFS write: each write is a round trip to the browser process, so small chunks are gathered. */
const WRITE_CHUNK = 1024 * 1024;

/** Gathers chunks into pieces of about `size` bytes (the last one smaller). */
export function coalesce(size: number): TransformStream<Uint8Array, Uint8Array> {
  let parts: Uint8Array[] = [];
  let filled = 0;
  const flush = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (filled === 0) return;
    const out = new Uint8Array(filled);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    parts = [];
    filled = 0;
    controller.enqueue(out);
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      parts.push(chunk);
      filled += chunk.length;
      if (filled >= size) flush(controller);
    },
    flush,
  });
}

function checkDirName(name: string, option: string): string {
  if (!name || name === '.' || name === '..' || /[/\\\u0000]/.test(name)) {
    throw new EngineError('bad_request', `\`${option}\` must be a directory name (no slashes), got \`${name}\`.`);
  }
  return name;
}

function isNotFound(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'NotFoundError';
}

/** True when this context has OPFS (`navigator.storage.getDirectory`). */
export function hasOpfs(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

/**
 * Dumps and snapshots in OPFS.
 *
 * @example
 * ```ts
 * const backupStorage = await OpfsBackupStorage.open({ dumpsDir: 'dumps', snapshotsDir: 'snapshots' });
 * const engine = await createEngine({ storage: 'indexeddb', name: 'movies', backupStorage });
 * ```
 */
export class OpfsBackupStorage implements BackupStorage {
  readonly kind = 'opfs';

  private constructor(
    private readonly dumps: DirectoryLike,
    private readonly snapshots: DirectoryLike,
  ) {}

  static async open(options: OpfsBackupStorageOptions = {}): Promise<OpfsBackupStorage> {
    const root = options.root ?? (await navigator.storage.getDirectory());
    const dumps = await root.getDirectoryHandle(checkDirName(options.dumpsDir ?? DEFAULT_DUMPS_DIR, 'dumpsDir'), { create: true });
    const snapshots = await root.getDirectoryHandle(checkDirName(options.snapshotsDir ?? DEFAULT_SNAPSHOTS_DIR, 'snapshotsDir'), { create: true });
    return new OpfsBackupStorage(dumps, snapshots);
  }

  private get dumpDir(): SnapshotDirectoryHandle {
    return this.dumps as unknown as SnapshotDirectoryHandle;
  }

  async writeDump(uid: string, bytes: ReadableStream<Uint8Array>): Promise<number> {
    const name = checkDumpUid(uid) + DUMP_EXTENSION;
    return replaceFileAtomically(this.dumps, name, async (tmp) => {
      try {
        await bytes.pipeThrough(coalesce(WRITE_CHUNK)).pipeTo(await fileSink(tmp));
      } catch (e) {
        await bytes.cancel(e).catch(() => undefined);
        throw e;
      }
      return (await tmp.getFile()).size;
    });
  }

  async listDumps(): Promise<DumpFileInfo[]> {
    const out: DumpFileInfo[] = [];
    for await (const name of this.dumpDir.keys()) {
      if (!name.endsWith(DUMP_EXTENSION) || name.includes(TMP_MARK)) continue;
      const uid = name.slice(0, -DUMP_EXTENSION.length);
      try {
        const file = await (await this.dumpDir.getFileHandle(name)).getFile();
        out.push({ uid, size: file.size, createdAt: dumpUidDate(uid) ?? new Date(file.lastModified).toISOString() });
      } catch (e) {
        if (!isNotFound(e)) throw e; // deleted meanwhile
      }
    }
    return out.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  }

  async getDump(uid: string): Promise<File | null> {
    try {
      return await (await this.dumpDir.getFileHandle(checkDumpUid(uid) + DUMP_EXTENSION)).getFile();
    } catch (e) {
      if (isNotFound(e) || (e as { name?: string }).name === 'TypeError') return null;
      throw e;
    }
  }

  async deleteDump(uid: string): Promise<boolean> {
    try {
      await this.dumpDir.removeEntry(checkDumpUid(uid) + DUMP_EXTENSION);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async writeSnapshot(store: Store, options: WriteSnapshotOptions): Promise<SnapshotFileInfo> {
    const info = await writeSnapshotFile(this.snapshots, store, options);
    return { name: info.name, createdAt: info.createdAt, size: info.size ?? 0, engineVersion: info.engineVersion };
  }

  async snapshotInfo(dbName: string): Promise<SnapshotFileInfo | null> {
    // A snapshot replaced while its header is read (a scheduled one landing) makes the old `File` unreadable: retry.
    for (let attempt = 1; ; attempt++) {
      try {
        return await getSnapshotInfo(this.snapshots, dbName);
      } catch (e) {
        const name = (e as { name?: string } | null)?.name;
        if (attempt >= 3 || (name !== 'NotReadableError' && name !== 'NotFoundError')) throw e;
      }
    }
  }

  async getSnapshot(name: string): Promise<File | null> {
    const fileName = snapshotNameOf(name);
    if (/[/\\\u0000]/.test(fileName)) return null;
    try {
      return await (await (this.snapshots as unknown as SnapshotDirectoryHandle).getFileHandle(fileName)).getFile();
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  /** Removes temporary dump files (any database: a dump name has no database in it) and this database's snapshot temps. */
  async cleanup(dbName: string): Promise<void> {
    const stray: string[] = [];
    for await (const name of this.dumpDir.keys()) if (name.includes(DUMP_EXTENSION + TMP_MARK)) stray.push(name);
    for (const name of stray) await this.dumpDir.removeEntry(name).catch(() => undefined); // still open elsewhere: kept
    await cleanupTemporarySnapshots(this.snapshots, dbName);
  }
}
