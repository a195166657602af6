/** What the scheduler, processors and search share inside one engine. */
import type { Store } from './storage/store.ts';
import type { IndexCatalog } from './indexes/indexCatalog.ts';
import type { TaskQueue } from './tasks/taskQueue.ts';
import type { PostingCache } from './search/postingCache.ts';
import type { BatchRun } from './tasks/batch.ts';
import type { Coordinator } from './coordination/coordinator.ts';
import type { SegmentBuildPool } from './indexer/segmentJobs.ts';

/**
 * Where dumps and snapshots go. The engine core knows no files: the page/worker edge plugs OPFS in,
 * Node tests plug memory in. Each hook runs inside its task (writes are paused meanwhile).
 */
export interface BackupHooks {
  createDump?(dumpUid: string, run: BatchRun): Promise<void>;
  createSnapshot?(run: BatchRun): Promise<void>;
}

export interface EngineContext {
  readonly store: Store;
  readonly catalog: IndexCatalog;
  readonly queue: TaskQueue;
  readonly postings: PostingCache;
  backups: BackupHooks;
  now(): Date;
  /** Called after every commit with the uids of the indexes it changed (or 'all'). */
  onCommit(changed: readonly string[] | 'all'): void;
  /** Talks to the other engines on the same database (one scheduler; cache invalidation). */
  readonly coordinator: Coordinator;
  /** Builds segments in parallel with the engine's thread (workers), if the environment gave one. */
  readonly segmentPool?: SegmentBuildPool;
}
