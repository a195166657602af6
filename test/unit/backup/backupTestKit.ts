/**
 * Helpers of the engine-level dump and snapshot tests: engines over memory or fake-indexeddb sharing a backup
 * storage, a storage whose writes can be held open (to observe the engine while a dump or snapshot is written),
 * a sample dataset, and a full "what the API shows" picture of an engine to compare two engines.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine, type EngineOptions } from '../../../src/engine.ts';
import { MemoryBackupStorage, type SnapshotFileInfo } from '../../../src/engine/backup/backupStorage.ts';
import type { Store } from '../../../src/engine/storage/store.ts';
import type { WriteSnapshotOptions } from '../../../src/backup/snapshot/snapshotWriter.ts';
import type { Task } from '../../../src/engine/types/tasks.ts';
import type { Settings } from '../../../src/engine/types/settings.ts';
import type { DocumentsQuery } from '../../../src/engine/types/indexes.ts';

let n = 0;
export const uniqueName = (prefix: string): string => `${prefix}-${process.pid}-${Date.now()}-${n++}`;

export type Backend = 'memory' | 'indexeddb';

/** A fresh engine (unique database name unless given). */
export function engineOn(backend: Backend, options: Partial<EngineOptions> = {}): Promise<Engine> {
  return createEngine({ storage: backend, name: uniqueName(backend), ...options });
}

/** The bytes of a fixture of `test/fixtures/meilisearch-dumps`. */
export function dumpFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/meilisearch-dumps/${name}`, import.meta.url))));
}

/** Reads a whole stream. */
export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A promise and its resolver. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

/**
 * A memory backup storage whose dump and snapshot writes wait for `hold` (when set) before finishing, and that
 * tells when a write started.
 */
export class HeldStorage extends MemoryBackupStorage {
  hold: Promise<void> | null = null;
  private startedWaiters: (() => void)[] = [];

  /** Resolves when the next write starts. */
  nextWrite(): Promise<void> {
    return new Promise((r) => this.startedWaiters.push(r));
  }

  private started(): void {
    for (const w of this.startedWaiters.splice(0)) w();
  }

  override async writeDump(uid: string, bytes: ReadableStream<Uint8Array>): Promise<number> {
    this.started();
    if (this.hold) await this.hold;
    return super.writeDump(uid, bytes);
  }

  override async writeSnapshot(store: Store, options: WriteSnapshotOptions): Promise<SnapshotFileInfo> {
    this.started();
    if (this.hold) await this.hold;
    return super.writeSnapshot(store, options);
  }
}

export const MOVIES = [
  { id: 1, title: 'Carol', genres: ['Romance', 'Drama'], year: 2015, meta: { rating: 7.2, lang: 'en' } },
  { id: 2, title: 'Wonder Woman', genres: ['Action', 'Adventure'], year: 2017 },
  { id: 3, title: 'Life of Pi', genres: ['Adventure', 'Drama'], year: 2012, meta: { lang: 'en' } },
  { id: 4, title: 'Mad Max: Fury Road', genres: ['Adventure', 'Science Fiction'], year: 2015 },
  { id: 5, title: 'Moana', genres: ['Fantasy', 'Action'], year: 2016, _vectors: { default: [0.1, 0.2] } },
  { id: 'six', year: 1999, title: 'The Matrix', genres: ['Action', 'Science Fiction'] },
];

/** Fills an engine with two indexes, settings, updates, deletions and a failed task. */
export async function fillSample(e: Engine): Promise<void> {
  const movies = e.index('movies');
  await movies.updateSettings({ searchableAttributes: ['title', 'genres'], filterableAttributes: ['genres', 'year'], sortableAttributes: ['year'], stopWords: ['the'], synonyms: { pi: ['π'] } }).waitTask();
  await movies.addDocuments(MOVIES).waitTask();
  await movies.updateDocuments([{ id: 2, title: 'Wonder Woman 1984' }]).waitTask();
  await movies.deleteDocument(4).waitTask();
  await movies.addDocuments([{ id: 'bad id!', title: 'x' }]).waitTask(); // fails
  const books = e.index('books');
  await e.createIndex('books', { primaryKey: 'isbn' }).waitTask();
  await books.addDocuments(Array.from({ length: 250 }, (_, i) => ({ isbn: `b${i}`, title: `Book number ${i}`, tags: i % 3 === 0 ? ['even', 'third'] : ['odd'] }))).waitTask();
  await books.updateRankingRules(['words', 'typo', 'sort', 'proximity', 'attribute', 'exactness']).waitTask();
}

/** Everything the public API shows of an engine, to compare two engines. */
export interface EnginePicture {
  indexes: { uid: string; primaryKey: string | null; createdAt: string }[];
  documents: Record<string, string>;
  settings: Record<string, Settings>;
  stats: Record<string, unknown>;
  tasks: Task[];
  batches: unknown[];
  searches: Record<string, unknown>;
}

const QUERIES: [string, string, Record<string, unknown>][] = [
  ['movies', 'wonder', {}],
  ['movies', 'adventure', { filter: 'year > 2012' }],
  ['movies', '', { filter: 'genres = Drama OR year = 1999' }],
  ['movies', 'pi', {}],
  ['books', 'number 12', { limit: 5 }],
  ['books', 'book', { filter: 'tags = third', limit: 3 }],
];

export async function picture(e: Engine): Promise<EnginePicture> {
  const out: EnginePicture = { indexes: [], documents: {}, settings: {}, stats: {}, tasks: [], batches: [], searches: {} };
  for (const i of (await e.getIndexes({ limit: 1000 })).results) {
    out.indexes.push({ uid: i.uid, primaryKey: i.primaryKey, createdAt: i.createdAt });
    const query: DocumentsQuery & { retrieveVectors: boolean } = { limit: 100_000, retrieveVectors: true };
    const docs = await e.index(i.uid).getDocuments(query);
    out.documents[i.uid] = JSON.stringify(docs.results); // key order matters
    out.settings[i.uid] = await e.index(i.uid).getSettings();
    const { isIndexing: _ignored, ...stats } = await e.index(i.uid).getStats();
    out.stats[i.uid] = stats;
  }
  out.tasks = (await e.getTasks({ limit: 10_000 })).results;
  out.batches = (await e.getBatches({ limit: 10_000 })).results;
  for (const [uid, q, params] of QUERIES) {
    try {
      const { processingTimeMs: _t, requestUid: _r, ...rest } = (await e.index(uid).search(q, params)) as unknown as Record<string, unknown>;
      out.searches[`${uid}:${q}:${JSON.stringify(params)}`] = rest;
    } catch (e) {
      out.searches[`${uid}:${q}:${JSON.stringify(params)}`] = String(e);
    }
  }
  return out;
}
