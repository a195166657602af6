/**
 * The dump and snapshot methods of the page client (issues 5 and 6), as the demo uses them. The panels reach
 * them through these guards, which return `null` while the running library does not have them yet: the UI
 * then says so instead of pretending.
 */
import type { ClientOptions, EnqueuedTaskPromise, PocketClient } from 'pocketsearch';

export interface DumpStatus {
  uid: string;
  status: 'in_progress' | 'failed' | 'done';
  startedAt: string | null;
  finishedAt: string | null;
}

export interface DumpEntry {
  uid: string;
  size: number;
  createdAt: string;
}

export interface SnapshotInfo {
  name: string;
  createdAt: string;
  size: number;
  engineVersion: string;
}

export interface DumpApi {
  createDump(): EnqueuedTaskPromise;
  getDumpStatus(dumpUid: string): Promise<DumpStatus>;
  listDumps(): Promise<DumpEntry[]>;
  getDumpFile(dumpUid: string): Promise<File>;
  deleteDump(dumpUid: string): Promise<unknown>;
}

export interface SnapshotApi {
  createSnapshot(): EnqueuedTaskPromise;
  getSnapshotInfo(): Promise<SnapshotInfo | null>;
  getSnapshotFile(): Promise<File>;
}

/** A progress report of a long import or export (the fields the demo reads; others are ignored). */
export type EngineProgress = Record<string, unknown>;

/** Start-up options of `createClient` for imports and scheduled snapshots. */
export interface BackupStartOptions {
  importDump?: File | Blob | string;
  importSnapshot?: File | Blob | string;
  scheduleSnapshot?: boolean | number;
  onProgress?: (progress: EngineProgress) => void;
}

export type DemoClientOptions = ClientOptions & BackupStartOptions;

function hasMethods(client: PocketClient, names: readonly string[]): boolean {
  const record = client as unknown as Record<string, unknown>;
  return names.every((name) => typeof record[name] === 'function');
}

export function dumpApi(client: PocketClient): DumpApi | null {
  return hasMethods(client, ['createDump', 'getDumpStatus', 'listDumps', 'getDumpFile', 'deleteDump']) ? (client as unknown as DumpApi) : null;
}

export function snapshotApi(client: PocketClient): SnapshotApi | null {
  return hasMethods(client, ['createSnapshot', 'getSnapshotInfo', 'getSnapshotFile']) ? (client as unknown as SnapshotApi) : null;
}

/** A fraction in [0, 1] from a progress report, when it carries one. */
export function progressFraction(progress: EngineProgress): number | null {
  const pairs: [string, string][] = [
    ['done', 'total'],
    ['loaded', 'total'],
    ['processed', 'total'],
    ['bytesRead', 'totalBytes'],
    ['current', 'total'],
  ];
  for (const [a, b] of pairs) {
    const x = progress[a];
    const y = progress[b];
    if (typeof x === 'number' && typeof y === 'number' && y > 0) return x / y;
  }
  const pct = progress['percentage'];
  return typeof pct === 'number' ? pct / 100 : null;
}

/** A one-line description of a progress report. */
export function progressLabel(progress: EngineProgress): string {
  const phase = ['phase', 'step', 'stage'].map((k) => progress[k]).find((v) => typeof v === 'string');
  const fraction = progressFraction(progress);
  const pct = fraction === null ? '' : ` ${Math.round(fraction * 100)} %`;
  return `${typeof phase === 'string' ? phase : 'Working'}${pct}`;
}
