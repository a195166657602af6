/**
 * What the worker exposes through Comlink: engine start-up and two dispatchers over whitelisted methods.
 * Kept free of `self` so it can be unit-tested without a Worker.
 */
import { EngineError } from '../errors/engineError.ts';
import { createEngine, type Engine } from '../engine/engine.ts';
import { ENGINE_METHODS, INDEX_METHODS, type EngineMethod, type IndexMethod } from '../shared/methods.ts';
import { ENGINE_VERSION } from '../version.ts';
import type { DumpImportSummary } from '../backup/dump/importContext.ts';
import { engineBackupOptions, remoteListener, type RemoteProgress, type WorkerBackupOptions } from './workerBackups.ts';
import type { SegmentBuildPool } from '../engine/indexer/segmentJobs.ts';

/** A segment build pool the worker owns (nested workers), stopped with the engine. */
export type OwnedSegmentPool = SegmentBuildPool & { dispose(): void };

export interface WorkerInitOptions {
  /** IndexedDB database name. */
  name: string;
  storage?: 'indexeddb' | 'memory';
  cacheBytes?: number;
  /** Dumps and snapshots: OPFS directories, start-up imports, scheduled snapshots. */
  backups?: WorkerBackupOptions;
}

export interface WorkerInitResult {
  engineVersion: string;
}

export class WorkerApi {
  private engine: Engine | null = null;
  private pool: OwnedSegmentPool | undefined;

  /** `segmentPool`: makes the nested segment builders (worker.ts passes them; tests run without). */
  constructor(private readonly segmentPool?: () => OwnedSegmentPool) {}

  /**
   * The worker's first answer: its script has loaded and runs this version of pocketsearch (the page checks
   * that it is its own before `init`, whose start-up imports may take long).
   */
  ready(): string {
    return ENGINE_VERSION;
  }

  /** `onProgress`: a Comlink-proxied callback receiving the progress of dumps and snapshots. */
  async init(options: WorkerInitOptions, onProgress?: RemoteProgress): Promise<WorkerInitResult> {
    if (this.engine) throw new EngineError('internal', 'The worker engine is already started.');
    const backups = await engineBackupOptions(options.backups ?? {}, onProgress);
    this.pool = this.segmentPool?.();
    this.engine = await createEngine({ storage: options.storage ?? 'indexeddb', name: options.name, cacheBytes: options.cacheBytes, segmentPool: this.pool, ...backups });
    return { engineVersion: ENGINE_VERSION };
  }

  private get e(): Engine {
    if (!this.engine) throw new EngineError('internal', 'The worker engine is not started.');
    return this.engine;
  }

  async engineCall(method: EngineMethod, args: unknown[]): Promise<unknown> {
    if (!(ENGINE_METHODS as readonly string[]).includes(method)) throw new EngineError('bad_request', `Unknown engine method \`${String(method)}\`.`);
    const fn = (this.e as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
    return await fn.apply(this.e, args);
  }

  async indexCall(uid: string, method: IndexMethod, args: unknown[]): Promise<unknown> {
    if (!(INDEX_METHODS as readonly string[]).includes(method)) throw new EngineError('bad_request', `Unknown index method \`${String(method)}\`.`);
    const index = this.e.index(uid) as unknown as Record<string, (...a: unknown[]) => unknown>;
    return await index[method].apply(index, args);
  }

  /** Imports a dump (a `File`/`Blob`, or the uid of a stored dump) into the running engine, which must be empty. */
  async importDump(source: Blob | string, onProgress?: RemoteProgress): Promise<DumpImportSummary> {
    const file = typeof source === 'string' ? await this.e.getDumpFile(source) : source;
    return this.e.importDump(file, { onProgress: remoteListener(onProgress) });
  }

  async close(): Promise<void> {
    await this.engine?.close();
    this.engine = null;
    this.pool?.dispose();
    this.pool = undefined;
  }
}
