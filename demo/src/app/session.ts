/**
 * The running engine of the demo: one `createClient()` over one IndexedDB database, and the ways to restart it
 * (with a new snapshot schedule, or from a dump or snapshot into a fresh database — imports only go into an
 * empty database, as Meilisearch's `--import-dump` / `--import-snapshot` do).
 *
 * The database name in use is remembered in `localStorage`. A rebuild starts a new database under a new name
 * and, once the import succeeded, deletes the previous one (one IndexedDB database per engine name, as the
 * library documents); a failed import leaves the previous database in use, untouched.
 */
import { createClient, type ClientOptions, type PocketClient } from 'pocketsearch';
import type { EngineProgress } from './backupApi.ts';

const KEY_DATABASE = 'pocketsearch-demo:database';
const KEY_SNAPSHOT_INTERVAL = 'pocketsearch-demo:snapshot-interval';
const KEY_BOOT = 'pocketsearch-demo:boot';
export const DEFAULT_DATABASE = 'pocketsearch-demo';

export interface ImportSource {
  importDump?: File | Blob | string;
  importSnapshot?: File | Blob | string;
}

/** What to do at the next page load (a restart of the whole app from the stored snapshot). */
interface BootIntent {
  importSnapshot: string;
}

function storageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storageSet(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the demo still runs, it just forgets.
  }
}

function freshName(): string {
  return `${DEFAULT_DATABASE}-${Date.now().toString(36)}`;
}

function deleteDatabase(name: string): void {
  try {
    indexedDB.deleteDatabase(name);
  } catch {
    // Nothing to clean up.
  }
}

/** Seconds between scheduled snapshots, 0 when off. */
export function snapshotInterval(): number {
  const n = Number(storageGet(KEY_SNAPSHOT_INTERVAL) ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

export class Session {
  private readonly changeListeners = new Set<() => void>();
  private readonly progressListeners = new Set<(progress: EngineProgress) => void>();

  /** The running client (replaced by restarts and rebuilds); set by {@link Session.open}. */
  client!: PocketClient;

  private constructor(public name: string) {}

  /**
   * Starts the engine on the remembered database, or from the stored snapshot if a restart asked for it
   * (`onBootProgress` receives the restore's progress).
   */
  static async open(onBootProgress?: (progress: EngineProgress) => void): Promise<{ session: Session; bootError?: unknown }> {
    const session = new Session(storageGet(KEY_DATABASE) ?? DEFAULT_DATABASE);
    const intentText = storageGet(KEY_BOOT);
    storageSet(KEY_BOOT, null); // consumed whatever happens: never loop on a failing restart
    const unsubscribe = onBootProgress ? session.onProgress(onBootProgress) : () => false;
    try {
      if (intentText) {
        try {
          const intent = JSON.parse(intentText) as BootIntent;
          await session.replaceDatabase({ importSnapshot: intent.importSnapshot }, false);
          return { session };
        } catch (bootError) {
          session.client = await createClient(session.options(session.name));
          return { session, bootError };
        }
      }
      session.client = await createClient(session.options(session.name));
      return { session };
    } finally {
      unsubscribe();
    }
  }

  onChange(listener: () => void): void {
    this.changeListeners.add(listener);
  }

  onProgress(listener: (progress: EngineProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private options(name: string): ClientOptions {
    const interval = snapshotInterval();
    return {
      name,
      ...(interval > 0 ? { scheduleSnapshot: interval } : {}),
      onProgress: (progress: EngineProgress) => {
        for (const listener of this.progressListeners) listener(progress);
      },
    };
  }

  private emitChange(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** Restarts the engine on the same database (e.g. to apply a new snapshot schedule). */
  async restart(): Promise<void> {
    await this.client.close();
    this.client = await createClient(this.options(this.name));
    this.emitChange();
  }

  /** Sets the snapshot schedule (seconds, 0 = off) and restarts the engine so that it applies. */
  async setSnapshotInterval(seconds: number): Promise<void> {
    storageSet(KEY_SNAPSHOT_INTERVAL, seconds > 0 ? String(Math.round(seconds)) : null);
    await this.restart();
  }

  /** Rebuilds the database from a dump or a snapshot: a fresh database, imported at start-up. */
  async rebuildFrom(source: ImportSource): Promise<void> {
    await this.replaceDatabase(source, true);
  }

  private async replaceDatabase(source: ImportSource, closeCurrent: boolean): Promise<void> {
    const previous = this.name;
    const next = freshName();
    if (closeCurrent) await this.client.close();
    let client: PocketClient;
    try {
      client = await createClient({ ...this.options(next), ...source });
    } catch (e) {
      deleteDatabase(next);
      if (closeCurrent) {
        this.client = await createClient(this.options(previous));
        this.emitChange();
      }
      throw e;
    }
    this.client = client;
    this.name = next;
    storageSet(KEY_DATABASE, next);
    deleteDatabase(previous);
    this.emitChange();
  }

  /** Restarts the whole app (a page reload) from the snapshot stored under `name`. */
  restartAppFromSnapshot(name: string): void {
    const intent: BootIntent = { importSnapshot: name };
    storageSet(KEY_BOOT, JSON.stringify(intent));
    location.reload();
  }
}
