/**
 * Streaming both ways: the export reads the source only as fast as its output is read (bounded memory), and
 * the import reads documents chunk by chunk and copes with entries in any order from a one-shot stream.
 */
import { describe, expect, it } from 'vitest';
import { Gunzip } from 'fflate';
import type { DumpExportSource, DumpKey } from '../../../src/backup/dump/dumpContract.ts';
import { DumpError } from '../../../src/backup/dump/dumpError.ts';
import { exportDump } from '../../../src/backup/dump/exportDump.ts';
import { importDump } from '../../../src/backup/dump/importDump.ts';
import type { TaskRecord } from '../../../src/engine/tasks/taskRecord.ts';
import type { Document, IndexObject } from '../../../src/engine/types/indexes.ts';
import type { Settings } from '../../../src/engine/types/settings.ts';
import type { Batch } from '../../../src/engine/types/tasks.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { DEFAULT_SETTINGS, MemoryDumpEngine } from './memoryDumpEngine.ts';
import { collect, dumpOf, expectRefused, jsonl, moviesIndex, streamOf, V6_METADATA, type Entry } from './dumpTestKit.ts';

const MiB = 1024 * 1024;

function doc(i: number): Document {
  return { id: i, title: `Movie number ${i}`, genres: ['drama', 'comedy'], rating: (i % 97) / 10, year: 1950 + (i % 70) };
}

/** A source that makes its documents on demand and counts what it handed out, per iteration. */
class LazySource implements DumpExportSource {
  readonly dbVersion = '1.16.0';
  iterations = 0;
  /** Serialized bytes (one JSON line each) of the documents yielded by the current iteration. */
  yieldedBytes = 0;
  yieldedDocs = 0;
  mutateSecondRead = false;
  constructor(readonly total: number) {}
  async keys(): Promise<DumpKey[]> {
    return [];
  }
  async indexes(): Promise<IndexObject[]> {
    return [{ uid: 'big', primaryKey: 'id', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }];
  }
  async settings(): Promise<Settings> {
    return DEFAULT_SETTINGS;
  }
  async *documents(_uid: string, chunkSize: number): AsyncIterable<Document[]> {
    this.iterations++;
    this.yieldedBytes = 0;
    this.yieldedDocs = 0;
    for (let start = 0; start < this.total; start += chunkSize) {
      const chunk: Document[] = [];
      for (let i = start; i < Math.min(this.total, start + chunkSize); i++) {
        const d = this.mutateSecondRead && this.iterations === 2 && i === 5 ? { ...doc(i), title: 'changed!' } : doc(i);
        chunk.push(d);
        this.yieldedBytes += JSON.stringify(d).length + 1;
      }
      this.yieldedDocs += chunk.length;
      yield chunk;
    }
  }
  async *tasks(): AsyncIterable<TaskRecord[]> {}
  async taskPayload(): Promise<Document[] | undefined> {
    return undefined;
  }
  async *batches(): AsyncIterable<Batch[]> {}
}

/** Lets pending promise jobs and timers run. */
async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('exportDump streams with bounded memory', () => {
  it('exports 200k lazily made documents holding at most ~1 MiB between the source and the reader', async () => {
    const source = new LazySource(200_000);
    const reader = exportDump(source, { now: new Date('2025-01-01T00:00:00Z') }).getReader();
    let delivered = 0; // uncompressed bytes the reader has received so far
    const gunzip = new Gunzip((chunk) => {
      delivered += chunk.length;
    });
    let maxInFlight = 0;
    let reads = 0;
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      gunzip.push(value);
      if (++reads % 25 === 0) {
        // Pause: the producer must stop pulling documents once its small window is full.
        await settle();
        const before = source.yieldedDocs;
        await settle();
        expect(source.yieldedDocs).toBe(before);
      }
      if (source.iterations === 2) maxInFlight = Math.max(maxInFlight, source.yieldedBytes - delivered);
    }
    gunzip.push(new Uint8Array(0), true);
    expect(source.iterations).toBe(2); // measured by a first read, written by a second
    expect(source.yieldedDocs).toBe(200_000);
    expect(source.yieldedBytes).toBeGreaterThan(15 * MiB);
    expect(maxInFlight).toBeLessThan(1 * MiB);
    expect(reads).toBeGreaterThan(25);
  });

  it('stops reading the source when the output is cancelled', async () => {
    const source = new LazySource(200_000);
    const reader = exportDump(source).getReader();
    for (let i = 0; i < 3; i++) await reader.read();
    await reader.cancel('user closed the tab');
    await settle();
    const after = source.yieldedDocs;
    await settle(50);
    expect(source.yieldedDocs).toBe(after);
    expect(source.iterations).toBeLessThanOrEqual(2);
  });

  it('fails with dump_process_failed when the source changes between the two reads of a file', async () => {
    const source = new LazySource(30_000);
    source.mutateSecondRead = true;
    const err = await collect(exportDump(source)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DumpError);
    expect((err as DumpError).code).toBe('dump_process_failed');
    expect((err as DumpError).reason).toBe('changed_during_export');
    expect((err as DumpError).message).toMatch(/indexes\/big\/documents\.jsonl/);
  });

  it('errors the stream with the source’s own error', async () => {
    const source = new LazySource(10);
    source.settings = async () => {
      throw new EngineError('index_not_found', 'Index `big` not found.');
    };
    const err = await collect(exportDump(source)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('index_not_found');
  });

  it('does not read the source before the stream is read', async () => {
    const source = new LazySource(10);
    exportDump(source);
    await settle();
    expect(source.iterations).toBe(0);
  });
});

describe('importDump streams documents and accepts entries in any order', () => {
  it('feeds the engine in chunks of chunkSize documents', async () => {
    const bytes = await collect(exportDump(new LazySource(25_000)));
    const engine = new MemoryDumpEngine();
    await importDump(engine, bytes, { chunkSize: 1000 });
    const adds = engine.calls.filter((c) => c.startsWith('addDocuments:big:'));
    expect(adds).toHaveLength(25);
    expect(adds.every((c) => c === 'addDocuments:big:1000')).toBe(true);
    expect(engine.indexMap.get('big')?.docs.size).toBe(25_000);
  });

  const outOfOrder: Entry[] = [
    ['indexes/movies/documents.jsonl', jsonl([{ id: 1 }, { id: 2 }, { id: 3 }])],
    ['tasks/update_files/0.jsonl', jsonl([{ id: 9 }])],
    ['keys.jsonl', ''],
    [
      'tasks/queue.jsonl',
      jsonl([{ uid: 0, batchUid: null, indexUid: 'movies', status: 'enqueued', type: { documentImport: { primary_key: 'id', method: 'UpdateDocuments', documents_count: 1, allow_index_creation: true } }, enqueuedAt: '2025-01-01T00:00:00Z' }]),
    ],
    moviesIndex()[1],
    moviesIndex()[0],
    ['./metadata.json', V6_METADATA],
  ];

  it('reads a one-shot stream whose metadata.json comes last, keeping early entries in the spill', async () => {
    const engine = new MemoryDumpEngine();
    const summary = await importDump(engine, streamOf(await dumpOf(outOfOrder), 100));
    expect(summary.passes).toBeGreaterThan(1);
    expect(engine.indexMap.get('movies')?.docs.size).toBe(3);
    expect(engine.indexMap.get('movies')?.settings).toEqual({ searchableAttributes: ['title'] });
    expect(engine.taskMap.get(0)?.payload).toEqual([{ id: 9 }]);
    expect(engine.calls.indexOf('applySettings:movies')).toBeLessThan(engine.calls.indexOf('addDocuments:movies:3'));
  });

  it('reads the same archive from a Blob by reading it again instead of spilling', async () => {
    const engine = new MemoryDumpEngine();
    const summary = await importDump(engine, new Blob([await dumpOf(outOfOrder)]));
    expect(summary.passes).toBeGreaterThan(1);
    expect(engine.indexMap.get('movies')?.docs.size).toBe(3);
    expect(engine.taskMap.get(0)?.payload).toEqual([{ id: 9 }]);
  });

  it('refuses a stream that needs more spill than maxSpillBytes, suggesting a Blob', async () => {
    const many = jsonl(Array.from({ length: 5000 }, (_, i) => ({ id: i, text: `${i} ${Math.sin(i)}` })));
    const entries: Entry[] = [['indexes/movies/documents.jsonl', many], ...outOfOrder.slice(2)];
    await expectRefused(new MemoryDumpEngine(), streamOf(await dumpOf(entries)), { code: 'payload_too_large', reason: 'too_large', message: /maxSpillBytes.*File or Blob/ }, { maxSpillBytes: 10_000 });
  });

  it('accepts entry names with and without ./ and a missing settings.json', async () => {
    const entries: Entry[] = [
      ['./metadata.json', V6_METADATA],
      ['./indexes/movies/metadata.json', moviesIndex()[0][1] as object],
      ['indexes//movies/documents.jsonl', jsonl([{ id: 1 }])],
    ];
    const engine = new MemoryDumpEngine();
    await importDump(engine, await dumpOf(entries));
    expect(engine.indexMap.get('movies')?.docs.size).toBe(1);
    expect(engine.calls).not.toContain('applySettings:movies');
  });

  it('creates an index without documents.jsonl and sets no keys when keys.jsonl and the queue are absent', async () => {
    const engine = new MemoryDumpEngine();
    const summary = await importDump(engine, await dumpOf([['metadata.json', V6_METADATA], moviesIndex()[0], moviesIndex()[1]]));
    expect(summary).toMatchObject({ keys: 0, tasks: 0, indexes: [{ uid: 'movies', primaryKey: 'id', documents: 0 }] });
    expect(engine.calls).toEqual(['begin', 'setKeys', 'createIndex:movies', 'applySettings:movies', 'commit']);
  });

  it('skips macOS ._ entries and internal indexes such as .meili_dsr', async () => {
    const entries: Entry[] = [
      ['metadata.json', V6_METADATA],
      ['._metadata.json', 'garbage'],
      ['indexes/._movies', 'garbage'],
      ...moviesIndex(),
      ['indexes/.meili_dsr/metadata.json', { uid: '.meili_dsr', primaryKey: 'id', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }],
      ['indexes/.meili_dsr/settings.json', {}],
      ['indexes/.meili_dsr/documents.jsonl', jsonl([{ id: 'rule' }])],
    ];
    const engine = new MemoryDumpEngine();
    await importDump(engine, await dumpOf(entries));
    expect([...engine.indexMap.keys()]).toEqual(['movies']);
  });
});
