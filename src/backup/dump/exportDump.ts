/**
 * `exportDump`: writes an engine's content as a Meilisearch v6 `.dump` (gzip-compressed tar), streaming.
 *
 * Entries, in this order (dependency order, so {@link importDump} reads them in one pass):
 * `metadata.json`, `keys.jsonl`, `indexes/`, then per index `indexes/<uid>/` with `metadata.json`,
 * `settings.json`, `documents.jsonl`; `tasks/`, `tasks/queue.jsonl`, `tasks/update_files/`,
 * `tasks/update_files/<uid>.jsonl` for every enqueued document addition; `batches/`, `batches/queue.jsonl`.
 *
 * Bounded memory: the output is a pull-based stream. Documents are read from the source only as the
 * consumer reads the output (a {@link FlowGate} keeps at most ~256 KiB between the packer and gzip).
 */
import { createTarPacker } from 'modern-tar';
import type { TaskRecord } from '../../engine/tasks/taskRecord.ts';
import { isoDuration } from '../../engine/tasks/taskRecord.ts';
import type { Batch } from '../../engine/types/tasks.ts';
import type { DumpExportSource, DumpProgress } from './dumpContract.ts';
import { compareDates, formatDumpUid } from './dumpDates.ts';
import { asEngineError } from './dumpError.ts';
import { GzipEncoder } from './gzipCodec.ts';
import { FlowGate, TarWriter } from './tarWriter.ts';
import { batchToDump, indexMetaToDump, keyToDump, taskToDump, type BatchEnqueuedAt, type OwnDumpTask } from './v6Records.ts';

/** Options of {@link exportDump}. */
export interface DumpExportOptions {
  /** Called as the export goes (phase `writing`, then `done`). */
  onProgress?: (progress: DumpProgress) => void;
  /** The dump's date (`dumpDate`, the dump task's finish time). Default: now. */
  now?: Date;
  /** The dump's uid, written in its task's details. Default: the task's `details.dumpUid`, else from `now`. */
  dumpUid?: string;
  /**
   * The task of this dump, written as succeeded (its own dump is done when the file is complete).
   * Default: the `dumpCreation` task that is `processing`, if any.
   */
  dumpTaskUid?: number;
  /** Documents or tasks read from the source at once. Default 1000. */
  chunkSize?: number;
  /** Gzip level, 0–9. Default 6. */
  compressionLevel?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** Bytes allowed between the tar packer and the gzip compressor. */
const GATE_LIMIT = 256 * 1024;

/**
 * Streams a Meilisearch v6 dump of `source`. Nothing is read before the stream is; errors of the source
 * error the stream (as `EngineError`s). A real Meilisearch (v1.x with dump format V6) can import the file.
 *
 * @example
 * ```ts
 * const stream = exportDump(engine, { onProgress: (p) => console.log(p.bytes) });
 * await stream.pipeTo(await opfsFile.createWritable());
 * ```
 */
export function exportDump(source: DumpExportSource, options: DumpExportOptions = {}): ReadableStream<Uint8Array> {
  const now = options.now ?? new Date();
  const { readable, controller: tar } = createTarPacker();
  const tarReader = readable.getReader();
  const gate = new FlowGate(GATE_LIMIT);
  const gzip = new GzipEncoder(options.compressionLevel ?? 6, now);
  const counters = { bytes: 0, documents: 0 };
  const report = (phase: DumpProgress['phase'], indexUid?: string): void => {
    if (!options.onProgress) return;
    const p: DumpProgress = { phase, bytes: counters.bytes, documents: counters.documents };
    if (indexUid !== undefined) p.indexUid = indexUid;
    options.onProgress(p);
  };
  let started = false;

  const produce = async (): Promise<void> => {
    const w = new TarWriter(tar, gate, now);
    await writeDump(w, source, options, now, counters, report);
    tar.finalize();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          produce().catch((e: unknown) => tar.error(asEngineError(e)));
        }
        while (true) {
          let next: ReadableStreamReadResult<Uint8Array>;
          try {
            next = await tarReader.read();
          } catch (e) {
            throw asEngineError(e);
          }
          if (next.done) {
            for (const chunk of gzip.finish()) {
              counters.bytes += chunk.length;
              controller.enqueue(chunk);
            }
            controller.close();
            report('done');
            return;
          }
          gate.drained(next.value.length);
          const out = gzip.push(next.value);
          if (out.length > 0) {
            for (const chunk of out) {
              counters.bytes += chunk.length;
              controller.enqueue(chunk);
            }
            return;
          }
        }
      },
      async cancel(reason) {
        gate.close(reason);
        tar.error(reason ?? new Error('The dump stream was cancelled.'));
        await tarReader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

async function writeDump(
  w: TarWriter,
  source: DumpExportSource,
  options: DumpExportOptions,
  now: Date,
  counters: { bytes: number; documents: number },
  report: (phase: DumpProgress['phase'], indexUid?: string) => void,
): Promise<void> {
  const nowStr = now.toISOString();
  const chunkSize = Math.max(1, options.chunkSize ?? 1000);
  await w.file('metadata.json', JSON.stringify({ dumpVersion: 'V6', dbVersion: source.dbVersion, dumpDate: nowStr }));

  const keys = (await source.keys()).map(keyToDump);
  await w.file('keys.jsonl', keys.map((k) => `${JSON.stringify(k)}\n`).join(''));

  await w.dir('indexes/');
  for (const index of await source.indexes()) {
    const dir = `indexes/${index.uid}`;
    report('writing', index.uid);
    await w.dir(`${dir}/`);
    await w.file(`${dir}/metadata.json`, JSON.stringify(indexMetaToDump(index)));
    await w.file(`${dir}/settings.json`, JSON.stringify(await source.settings(index.uid)));
    const written = (n: number): void => {
      counters.documents += n;
      report('writing', index.uid);
    };
    const knownSize = source.documentsByteLength ? await source.documentsByteLength(index.uid) : undefined;
    if (knownSize !== undefined) await w.sized(`${dir}/documents.jsonl`, knownSize, encodedLines(source.documents(index.uid, chunkSize), written));
    else await w.jsonLines(`${dir}/documents.jsonl`, () => source.documents(index.uid, chunkSize), (d) => JSON.stringify(d), written);
  }

  // Tasks: find this dump's own task, the enqueued additions (update files) and each batch's enqueue dates.
  const found: { own: OwnDumpTask | null; batch: number | null } = { own: null, batch: null };
  const additions = new Set<number>();
  const enqueued = new Map<number, BatchEnqueuedAt>();
  const visit = (t: TaskRecord): string => {
    const isOwn =
      options.dumpTaskUid !== undefined ? t.uid === options.dumpTaskUid : t.kind.type === 'dumpCreation' && t.status === 'processing';
    if (isOwn && found.own === null) {
      const detailsUid = typeof t.details?.dumpUid === 'string' ? t.details.dumpUid : null;
      found.own = { uid: t.uid, startedAt: t.startedAt ?? nowStr, finishedAt: nowStr, dumpUid: options.dumpUid ?? detailsUid ?? formatDumpUid(now) };
      found.batch = t.batchUid;
    }
    if (t.status === 'enqueued' && t.kind.type === 'documentAdditionOrUpdate') additions.add(t.uid);
    if (t.batchUid !== null) {
      const e = enqueued.get(t.batchUid);
      if (!e) enqueued.set(t.batchUid, { earliest: t.enqueuedAt, oldest: t.enqueuedAt });
      else {
        if (compareDates(t.enqueuedAt, e.earliest) > 0) e.earliest = t.enqueuedAt;
        if (compareDates(t.enqueuedAt, e.oldest) < 0) e.oldest = t.enqueuedAt;
      }
    }
    return JSON.stringify(taskToDump(t, keys, found.own));
  };
  report('writing');
  await w.dir('tasks/');
  await w.jsonLines('tasks/queue.jsonl', () => source.tasks(chunkSize), visit);

  await w.dir('tasks/update_files/');
  for (const uid of [...additions].sort((a, b) => a - b)) {
    const payload = (await source.taskPayload(uid)) ?? [];
    await w.jsonLines(`tasks/update_files/${uid}.jsonl`, () => chunked(payload, chunkSize), (d) => JSON.stringify(d));
  }

  const ownTask = found.own;
  const patch = (b: Batch): Batch => {
    if (ownTask === null || b.uid !== found.batch) return b;
    return {
      ...b,
      stats: { ...b.stats, status: { succeeded: b.stats.totalNbTasks } },
      finishedAt: ownTask.finishedAt,
      duration: isoDuration(b.startedAt, ownTask.finishedAt),
    };
  };
  await w.dir('batches/');
  await w.jsonLines('batches/queue.jsonl', () => source.batches(), (b) => JSON.stringify(batchToDump(patch(b), enqueued.get(b.uid) ?? null)));
}

const lineEncoder = new TextEncoder();

/** JSON lines of chunks of documents, as bytes; `written(n)` after each chunk. */
async function* encodedLines(chunks: AsyncIterable<readonly object[]>, written: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const docs of chunks) {
    if (docs.length === 0) continue;
    yield lineEncoder.encode(`${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
    written(docs.length);
  }
}

async function* chunked<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
