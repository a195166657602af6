/**
 * `createEngine`'s options: their defaults and their checks. A mistyped option (`stroage: 'memory'`) or a value of
 * the wrong type is a coded `bad_request` naming it, rather than a silent default or a TypeError deep inside.
 */
import { EngineError } from '../errors/engineError.ts';
import type { BackupOptions } from './backup/backupOptions.ts';
import type { BackupHooks } from './engineContext.ts';
import type { SegmentBuildPool } from './indexer/segmentJobs.ts';
import type { Store } from './storage/store.ts';

/**
 * Options of `createEngine` (all optional).
 *
 * @example
 * ```ts
 * const options: EngineOptions = { storage: 'indexeddb', name: 'movies', cacheBytes: 16 * 1024 * 1024 };
 * const engine = await createEngine(options);
 * ```
 */
export interface EngineOptions extends BackupOptions {
  /**
   * Where the database lives: `indexeddb` (persistent; browsers, workers, Node with fake-indexeddb) or `memory`
   * (gone with the engine). Default: `indexeddb` where `globalThis.indexedDB` exists, else `memory` (plain Node).
   * Every in-memory engine is a database of its own, even when two have the same `name`.
   */
  storage?: 'memory' | 'indexeddb';
  /** Database name (one IndexedDB database per name). Default `pocketsearch`. */
  name?: string;
  /** Where dump and snapshot tasks write. */
  backups?: BackupHooks;
  /** Bound of the decoded-postings cache in bytes (default 8 MiB). */
  cacheBytes?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /** Use this store instead of opening one (snapshot restore, tests). */
  store?: Store;
  /** Segment builders in other threads (the worker edge passes its nested workers); indexing uses this thread alone without. */
  segmentPool?: SegmentBuildPool;
}

/** The options once defaults are applied. */
export type ResolvedEngineOptions = EngineOptions & { storage: 'memory' | 'indexeddb'; name: string };

/** Every option, so that an unknown one is reported; `satisfies` keeps the list in step with the interface. */
const KNOWN = {
  storage: true,
  name: true,
  backups: true,
  cacheBytes: true,
  now: true,
  store: true,
  segmentPool: true,
  backupStorage: true,
  importDump: true,
  ignoreMissingDump: true,
  ignoreDumpIfDbExists: true,
  importSnapshot: true,
  ignoreMissingSnapshot: true,
  ignoreSnapshotIfDbExists: true,
  scheduleSnapshot: true,
  onProgress: true,
  dumpCompressionLevel: true,
} as const satisfies Record<keyof EngineOptions, true>;

const BOOLEANS = ['ignoreMissingDump', 'ignoreDumpIfDbExists', 'ignoreMissingSnapshot', 'ignoreSnapshotIfDbExists'] as const;
const OBJECTS = ['backups', 'store', 'segmentPool', 'backupStorage'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `\`${JSON.stringify(value)}\`` : `a ${typeof value}`;
}

function bad(message: string): EngineError {
  return new EngineError('bad_request', message);
}

/** `memory` unless IndexedDB is there (a browser, a worker, or Node with fake-indexeddb loaded). */
export function defaultStorage(): 'memory' | 'indexeddb' {
  return (globalThis as { indexedDB?: unknown }).indexedDB ? 'indexeddb' : 'memory';
}

/**
 * Checks `createEngine`'s argument and applies the defaults (`bad_request` for anything invalid).
 *
 * @example
 * ```ts
 * resolveEngineOptions(undefined); // { storage: 'memory', name: 'pocketsearch' } in plain Node
 * resolveEngineOptions({ stroage: 'memory' }); // throws bad_request: Unknown option `stroage`…
 * ```
 */
export function resolveEngineOptions(options: unknown): ResolvedEngineOptions {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw bad(`\`createEngine\` takes an options object such as \`{ storage: 'memory' }\`, or nothing; got ${describe(options)}.`);
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (o[key] !== undefined && !Object.prototype.hasOwnProperty.call(KNOWN, key)) {
      throw bad(`Unknown option \`${key}\`: expected one of ${Object.keys(KNOWN).map((k) => `\`${k}\``).join(', ')}.`);
    }
  }
  const storage = o.storage ?? (o.store ? (o.store as Store).backend : defaultStorage());
  if (storage !== 'memory' && storage !== 'indexeddb') {
    throw bad(`Invalid option \`storage\`: expected \`memory\` or \`indexeddb\`; got ${describe(storage)}.`);
  }
  if (storage === 'indexeddb' && !o.store && !(globalThis as { indexedDB?: unknown }).indexedDB) {
    throw bad('Invalid option `storage`: `indexeddb` needs IndexedDB, which this environment lacks. Use `memory`, or load an IndexedDB implementation first (in Node: `import \'fake-indexeddb/auto\'`).');
  }
  const name = o.name ?? 'pocketsearch';
  if (typeof name !== 'string' || name === '') throw bad(`Invalid option \`name\`: expected a non-empty string; got ${describe(name)}.`);
  if (o.cacheBytes !== undefined && !(typeof o.cacheBytes === 'number' && Number.isFinite(o.cacheBytes) && o.cacheBytes >= 0)) {
    throw bad(`Invalid option \`cacheBytes\`: expected a number of bytes ≥ 0; got ${describe(o.cacheBytes)}.`);
  }
  if (o.now !== undefined && typeof o.now !== 'function') throw bad(`Invalid option \`now\`: expected a function returning a Date; got ${describe(o.now)}.`);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw bad(`Invalid option \`onProgress\`: expected a function; got ${describe(o.onProgress)}.`);
  for (const key of BOOLEANS) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') throw bad(`Invalid option \`${key}\`: expected a boolean; got ${describe(o[key])}.`);
  }
  for (const key of OBJECTS) {
    if (o[key] !== undefined && (o[key] === null || typeof o[key] !== 'object')) throw bad(`Invalid option \`${key}\`: expected an object; got ${describe(o[key])}.`);
  }
  return { ...(o as EngineOptions), storage, name };
}
