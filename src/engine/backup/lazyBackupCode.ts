/**
 * The code of dumps and snapshots, loaded on first use. Most sessions never write or read a backup file, and a
 * worker compiles everything it imports statically before its first answer: the dump reader and writer (v1–v6,
 * tar, gzip) and the snapshot codec — about a third of the worker — are chunks of their own, imported by the
 * methods that need them. (Bundlers that cannot split, like a service worker's single file, inline them.)
 */

/** Dump export and import, with the engine's source and target. */
export type DumpCode = typeof import('./dumpCode.ts');
/** Snapshot writing, reading and restoring, with the engine's consistent view. */
export type SnapshotCode = typeof import('./snapshotCode.ts');

let provided: { dump: DumpCode; snapshot: SnapshotCode } | null = null;

/**
 * Gives the modules instead of importing them: for entries that run where `import()` is not allowed (service
 * workers), which import them statically and call this first.
 *
 * @example
 * ```ts
 * import * as dump from '../engine/backup/dumpCode.ts';
 * import * as snapshot from '../engine/backup/snapshotCode.ts';
 * provideBackupCode({ dump, snapshot });
 * ```
 */
export function provideBackupCode(code: { dump: DumpCode; snapshot: SnapshotCode }): void {
  provided = code;
}

/**
 * The dump code (one import per worker; later calls reuse the module).
 *
 * @example
 * ```ts
 * const { exportDump, EngineDumpSource } = await loadDumpCode();
 * ```
 */
export function loadDumpCode(): Promise<DumpCode> {
  return provided ? Promise.resolve(provided.dump) : import('./dumpCode.ts');
}

/**
 * The snapshot code.
 *
 * @example
 * ```ts
 * const { readSnapshotHeader } = await loadSnapshotCode();
 * const header = await readSnapshotHeader(file);
 * ```
 */
export function loadSnapshotCode(): Promise<SnapshotCode> {
  return provided ? Promise.resolve(provided.snapshot) : import('./snapshotCode.ts');
}
