/**
 * The OPFS edge of snapshots (browser only; the codec never imports this module).
 *
 * One file per database, `<db name>.snapshot` (like Meilisearch's `data.ms.snapshot`), in a snapshots directory
 * (`snapshots` by default, created when missing). A new snapshot is written to `<file>.tmp-<id>` in the same
 * directory and then moved over the previous one, so only the latest exists and a visible snapshot is always whole;
 * temporary files left by a crash are removed at start-up ({@link cleanupTemporarySnapshots}).
 */
import { EngineError } from '../../errors/engineError.ts';
import type { Store } from '../../engine/storage/store.ts';
import type { SnapshotInfo } from './snapshotFormat.ts';
import type { WriteSnapshotOptions } from './snapshotWriter.ts';
// The codec is loaded when a snapshot is written or read, not with the directory handling (see lazyBackupCode.ts).
import { loadSnapshotCode } from '../../engine/backup/lazyBackupCode.ts';

/** Default name of the snapshots directory under the OPFS root. */
export const DEFAULT_SNAPSHOTS_DIR = 'snapshots';
/** Extension of snapshot files. */
export const SNAPSHOT_EXTENSION = '.snapshot';
const TMP_MARK = '.tmp-';

/** The parts of a `FileSystemFileHandle` used here: a real handle fits, tests pass fakes. */
export interface SnapshotFileHandle {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable?(options?: { keepExistingData?: boolean }): Promise<WritableStream<Uint8Array>>;
  createSyncAccessHandle?(): Promise<{
    write(data: Uint8Array, options?: { at?: number }): number;
    truncate(size: number): void;
    flush(): void;
    close(): void;
  }>;
  /** `FileSystemHandle.move(newName)`: renames within the directory, replacing an existing file of that name. */
  move?(newName: string): Promise<void>;
}

/** The parts of a `FileSystemDirectoryHandle` used here. */
export interface SnapshotDirectoryHandle {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<SnapshotFileHandle>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

/** A real OPFS directory handle or anything shaped like {@link SnapshotDirectoryHandle}. */
export type DirectoryLike = FileSystemDirectoryHandle | SnapshotDirectoryHandle;

const dirOf = (d: DirectoryLike) => d as unknown as SnapshotDirectoryHandle;

/** What the page shows about the current snapshot. */
export interface StoredSnapshotInfo {
  name: string;
  /** RFC 3339, from the snapshot header. */
  createdAt: string;
  /** File size in bytes. */
  size: number;
  engineVersion: string;
}

/**
 * File name of a database's snapshot: `<db name>.snapshot`, with `/`, `\` and control characters replaced by `_`.
 *
 * @example
 * ```ts
 * snapshotFileName('movies'); // 'movies.snapshot'
 * ```
 */
export function snapshotFileName(dbName: string): string {
  return dbName.replace(/[/\\\u0000-\u001f]/g, '_') + SNAPSHOT_EXTENSION;
}

/**
 * The snapshots directory under `root` (default the OPFS root), created when missing.
 *
 * @example
 * ```ts
 * const dir = await openSnapshotsDirectory(); // navigator.storage.getDirectory() / 'snapshots'
 * ```
 */
export async function openSnapshotsDirectory(name = DEFAULT_SNAPSHOTS_DIR, root?: FileSystemDirectoryHandle): Promise<FileSystemDirectoryHandle> {
  const base = root ?? (await navigator.storage.getDirectory());
  return base.getDirectoryHandle(name, { create: true });
}

function isNotFound(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'NotFoundError';
}

/**
 * Writes `finalName` in `dir` atomically: `write` fills a fresh temporary file of the same directory, which then
 * replaces `finalName` with `FileSystemHandle.move()`. Without `move()` (older engines), the temporary file is copied
 * into `finalName` through `createWritable()`, whose writes land in a swap file the browser swaps in on `close()`
 * (atomic by the File System spec), then removed. On any failure the temporary file is removed and `finalName` is
 * left as it was.
 *
 * @example
 * ```ts
 * await replaceFileAtomically(dir, 'movies.snapshot', async (tmp) => writeSnapshot(store, await tmp.createWritable!()));
 * ```
 */
export async function replaceFileAtomically<T>(dir: DirectoryLike, finalName: string, write: (tmp: SnapshotFileHandle) => Promise<T>): Promise<T> {
  const d = dirOf(dir);
  const tmpName = `${finalName}${TMP_MARK}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const tmp = await d.getFileHandle(tmpName, { create: true });
  try {
    const result = await write(tmp);
    if (typeof tmp.move === 'function') await tmp.move(finalName);
    else await copyOver(d, tmp, finalName);
    return result;
  } catch (e) {
    await d.removeEntry(tmpName).catch(() => undefined);
    throw e;
  }
}

/** The fallback of {@link replaceFileAtomically} without `move()`: copy, swapped in on close; then drop the temp. */
async function copyOver(d: SnapshotDirectoryHandle, tmp: SnapshotFileHandle, finalName: string): Promise<void> {
  let target: SnapshotFileHandle;
  let created = false;
  try {
    target = await d.getFileHandle(finalName);
  } catch (e) {
    if (!isNotFound(e)) throw e;
    target = await d.getFileHandle(finalName, { create: true });
    created = true;
  }
  try {
    if (typeof target.createWritable !== 'function') {
      throw new EngineError('feature_not_enabled', 'This browser can neither move nor atomically rewrite OPFS files.');
    }
    const file = await tmp.getFile();
    await file.stream().pipeTo(await target.createWritable({ keepExistingData: false }));
  } catch (e) {
    // A file created just now would be visible yet empty: remove it. An existing one kept its old content.
    if (created) await d.removeEntry(finalName).catch(() => undefined);
    throw e;
  }
  await d.removeEntry(tmp.name).catch(() => undefined); // a leftover is removed at the next start-up
}

/**
 * A sink writing a file from its start: `createWritable()` when available, else a sync access handle
 * (dedicated workers of browsers without `createWritable`).
 */
export async function fileSink(file: SnapshotFileHandle): Promise<WritableStream<Uint8Array>> {
  if (typeof file.createWritable === 'function') return file.createWritable({ keepExistingData: false });
  if (typeof file.createSyncAccessHandle !== 'function') {
    throw new EngineError('feature_not_enabled', 'This browser cannot write OPFS files here (no createWritable, no sync access handle).');
  }
  const h = await file.createSyncAccessHandle();
  h.truncate(0);
  let at = 0;
  return new WritableStream<Uint8Array>({
    write(chunk) {
      at += h.write(chunk, { at });
    },
    close() {
      h.flush();
      h.close();
    },
    abort() {
      h.close();
    },
  });
}

/**
 * Takes a snapshot of `store` into `dir`, replacing the previous one atomically. Call it from the engine's
 * `snapshotCreation` task (no write may run meanwhile).
 *
 * @example
 * ```ts
 * const dir = await openSnapshotsDirectory(options.snapshotsDir);
 * const info = await writeSnapshotFile(dir, store);
 * ```
 */
export async function writeSnapshotFile(
  dir: DirectoryLike,
  store: Store,
  options: WriteSnapshotOptions = {},
): Promise<SnapshotInfo & { name: string }> {
  const name = snapshotFileName(store.name);
  const { writeSnapshot } = await loadSnapshotCode();
  const info = await replaceFileAtomically(dir, name, async (tmp) => writeSnapshot(store, await fileSink(tmp), options));
  return { ...info, name };
}

/**
 * Removes the temporary files of `dbName`'s snapshots left by an interrupted write. Call once at start-up, before
 * any snapshot is taken. Returns the names removed.
 *
 * @example
 * ```ts
 * await cleanupTemporarySnapshots(dir, 'movies');
 * ```
 */
export async function cleanupTemporarySnapshots(dir: DirectoryLike, dbName: string): Promise<string[]> {
  const d = dirOf(dir);
  const prefix = snapshotFileName(dbName) + TMP_MARK;
  const stray: string[] = [];
  for await (const name of d.keys()) if (name.startsWith(prefix)) stray.push(name);
  const removed: string[] = [];
  for (const name of stray) {
    try {
      await d.removeEntry(name);
      removed.push(name);
    } catch {
      /* still open elsewhere: the next start-up retries */
    }
  }
  return removed;
}

async function snapshotHandle(dir: DirectoryLike, dbName: string): Promise<SnapshotFileHandle | null> {
  try {
    return await dirOf(dir).getFileHandle(snapshotFileName(dbName));
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/**
 * Name, creation time, size and engine version of `dbName`'s snapshot, read from its header; `null` when none.
 *
 * @example
 * ```ts
 * const info = await getSnapshotInfo(dir, 'movies'); // { name: 'movies.snapshot', createdAt, size, engineVersion }
 * ```
 */
export async function getSnapshotInfo(dir: DirectoryLike, dbName: string): Promise<StoredSnapshotInfo | null> {
  const handle = await snapshotHandle(dir, dbName);
  if (!handle) return null;
  const file = await handle.getFile();
  const { readSnapshotHeader } = await loadSnapshotCode();
  const header = await readSnapshotHeader(file);
  return { name: handle.name, createdAt: header.createdAt, size: file.size, engineVersion: header.engineVersion };
}

/**
 * `dbName`'s snapshot as a `File` (to download, or to pass to `restoreSnapshot`). Throws `snapshot_not_found`.
 *
 * @example
 * ```ts
 * const file = await getSnapshotFile(dir, 'movies');
 * const url = URL.createObjectURL(file);
 * ```
 */
export async function getSnapshotFile(dir: DirectoryLike, dbName: string): Promise<File> {
  const handle = await snapshotHandle(dir, dbName);
  if (!handle) throw new EngineError('snapshot_not_found', `There is no snapshot of \`${dbName}\`.`);
  return handle.getFile();
}
