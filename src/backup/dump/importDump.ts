/**
 * `importDump`: reads a Meilisearch dump (v1–v6; older versions converted to v6 on the fly) into an engine
 * through the {@link DumpImportTarget} contract, streaming: gzip → tar → JSON lines → chunks of documents.
 *
 * Order independence. Tar entries may come in any order (Meilisearch writes them in directory order;
 * `metadata.json` is sometimes last). Each entry is handled as soon as what it needs was read; otherwise
 * it is deferred to a later pass. A Blob/Uint8Array source is simply read again for the deferred entries;
 * a one-shot stream keeps them, compressed, in a bounded in-memory spill (`maxSpillBytes`). Dumps written
 * by {@link exportDump} are in dependency order and import in one pass without spilling.
 *
 * Atomicity. `target.begin()` first; on any failure `target.abort()` (only if `begin` succeeded, so a
 * non-empty engine is never wiped), on success `target.commit()`.
 */
import type { DumpImportTarget, DumpProgress } from './dumpContract.ts';
import { archiveBytes, MemorySpill, type DumpSource } from './archiveSource.ts';
import { DumpError, asEngineError } from './dumpError.ts';
import { gunzipChunks, type GunzipCounters } from './gzipCodec.ts';
import { ImportContext, type DumpImportSummary, type DumpVersion, type EntryOutcome, type VersionReader } from './importContext.ts';
import { readJsonFile } from './jsonLines.ts';
import { expectObject, type JsonObject } from './jsonShape.ts';
import { LegacyReader } from './legacyReader.ts';
import { readTarEntries, type ArchiveEntry } from './tarEntries.ts';
import { V1Reader } from './v1Reader.ts';
import { V6Reader } from './v6Reader.ts';

/** Options of {@link importDump}. */
export interface DumpImportOptions {
  /** Called as the import goes (phases `reading`, `indexing`, `tasks`, `done`). */
  onProgress?: (progress: DumpProgress) => void;
  /** Refuse dumps larger than this once decompressed. Default 4 GiB. */
  maxUncompressedBytes?: number;
  /** Refuse dumps that expand more than this many times (decompression bombs), past 16 MiB. Default 200. */
  maxExpansionRatio?: number;
  /** Refuse a JSON line (a document, a task) or a JSON file longer than this. Default 64 MiB. */
  maxLineBytes?: number;
  /** Stream sources only: most compressed bytes kept for entries that come too early. Default 256 MiB. */
  maxSpillBytes?: number;
  /** Documents per `addDocuments` call. Default 1000. */
  chunkSize?: number;
  /** "Now", for the dates old dumps do not have (default: the current time). */
  now?: Date;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const RATIO_FLOOR = 16 * MiB;
const MAX_PASSES = 8;
const SUPPORTED: readonly DumpVersion[] = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

/**
 * Imports a dump into an empty engine. Resolves with a summary once everything was imported and committed;
 * rejects with an `EngineError` (a {@link DumpError} for a bad dump, or the target's own error) after
 * having aborted the target.
 *
 * @example
 * ```ts
 * const summary = await importDump(engine, file, { onProgress: (p) => console.log(p.phase, p.documents) });
 * console.log(summary.indexes); // [{ uid: 'movies', primaryKey: 'id', documents: 31944 }]
 * ```
 */
export async function importDump(
  target: DumpImportTarget,
  source: DumpSource,
  options: DumpImportOptions = {},
): Promise<DumpImportSummary> {
  const bytes = archiveBytes(source);
  let began = false;
  try {
    await target.begin();
    began = true;
    const { summary, position } = await run(target, bytes, options);
    await target.commit();
    options.onProgress?.({ phase: 'done', ...position, documents: summary.indexes.reduce((n, i) => n + i.documents, 0) });
    return summary;
  } catch (e) {
    if (began) await target.abort().catch(() => undefined);
    if (source instanceof ReadableStream && !source.locked) await source.cancel().catch(() => undefined);
    throw asEngineError(e);
  }
}

async function run(
  target: DumpImportTarget,
  bytes: ReturnType<typeof archiveBytes>,
  options: DumpImportOptions,
): Promise<{ summary: DumpImportSummary; position: Pick<DumpProgress, 'bytes' | 'totalBytes' | 'pass'> }> {
  const limits = {
    maxUncompressedBytes: options.maxUncompressedBytes ?? 4 * GiB,
    maxExpansionRatio: options.maxExpansionRatio ?? 200,
    ratioFloorBytes: RATIO_FLOOR,
  };
  const resolved = {
    maxLineBytes: options.maxLineBytes ?? 64 * MiB,
    chunkSize: Math.max(1, options.chunkSize ?? 1000),
    chunkChars: 8 * MiB,
    now: (options.now ?? new Date()).toISOString(),
  };
  let counters: GunzipCounters = { compressed: 0, uncompressed: 0 };
  let pass = 1;
  const position = (): Pick<DumpProgress, 'bytes' | 'totalBytes' | 'pass'> => ({ bytes: counters.compressed, totalBytes: bytes.totalBytes, pass });
  const report = (phase: DumpProgress['phase']): void => options.onProgress?.({ phase, ...position(), documents: 0 });

  let ctx: ImportContext | null = null;
  let reader: VersionReader | null = null;
  const names = new Set<string>();
  const deferred = new Map<number, { name: string; reason: string }>();
  const spill = bytes.rereadable ? null : new MemorySpill(options.maxSpillBytes ?? 256 * MiB);
  let consumed = 0;

  const handle = async (entry: ArchiveEntry): Promise<EntryOutcome> => {
    if (entry.name === 'metadata.json' && !reader) {
      const meta = expectObject(await readJsonFile(entry.body(), entry.name, resolved.maxLineBytes), 'metadata.json');
      const version = dumpVersion(meta);
      ctx = new ImportContext(target, resolved, options.onProgress, position, version);
      ctx.summary.dbVersion = typeof meta.dbVersion === 'string' ? meta.dbVersion : null;
      ctx.summary.dumpDate = typeof meta.dumpDate === 'string' ? meta.dumpDate : null;
      reader = makeReader(ctx, version, meta);
      return 'consumed';
    }
    if (!reader) return { defer: 'waiting for metadata.json' };
    ctx?.progress('reading');
    return reader.handle(entry);
  };

  const settle = async (entry: ArchiveEntry, outcome: EntryOutcome, keepBody: boolean): Promise<boolean> => {
    if (outcome === 'consumed' || outcome === 'ignored') {
      deferred.delete(entry.ordinal);
      if (outcome === 'consumed') consumed++;
      else ctx?.note('ignoredEntries', entry.name);
      return false;
    }
    deferred.set(entry.ordinal, { name: entry.name, reason: outcome.defer });
    if (keepBody && spill) await spill.keep(entry);
    return true;
  };

  // Pass 1: the whole archive.
  report('reading');
  for await (const entry of readTarEntries(gunzipChunks(bytes.open(), limits, counters))) {
    if (names.has(entry.name)) throw new DumpError('invalid_content', `The dump contains \`${entry.name}\` twice.`);
    names.add(entry.name);
    await settle(entry, await handle(entry), true);
  }
  if (!reader || !ctx) {
    throw new DumpError('missing_metadata', 'The dump has no `metadata.json`, so its version is unknown; it is not a Meilisearch dump or it is incomplete.');
  }
  const r: VersionReader = reader;
  const c: ImportContext = ctx;

  // Later passes: only the deferred entries, until none is left.
  while (deferred.size > 0) {
    const unblocked = r.endOfPass(names);
    if (consumed === 0 && !unblocked) {
      const [first] = deferred.values();
      throw new DumpError('invalid_content', `Could not read \`${first.name}\` from the dump (${first.reason}).`);
    }
    if (++pass > MAX_PASSES) throw new DumpError('invalid_content', 'The dump could not be read in a bounded number of passes.');
    consumed = 0;
    c.summary.passes = pass;
    counters = { compressed: 0, uncompressed: 0 };
    report('reading');
    if (spill) {
      for (const { entry, release } of spill.replay()) {
        if (!(await settle(entry, await handle(entry), false))) release();
      }
    } else {
      for await (const entry of readTarEntries(gunzipChunks(bytes.open(), limits, counters))) {
        if (deferred.has(entry.ordinal)) await settle(entry, await handle(entry), false);
      }
    }
  }
  r.endOfPass(names);
  await r.finish();
  return { summary: c.summary, position: position() };
}

function dumpVersion(meta: JsonObject): DumpVersion {
  const v = meta.dumpVersion;
  if (typeof v !== 'string') {
    throw new DumpError('unsupported_version', '`metadata.json` has no `dumpVersion`; this is not a Meilisearch dump.');
  }
  if ((SUPPORTED as readonly string[]).includes(v)) return v as DumpVersion;
  const n = /^V(\d+)$/.exec(v);
  if (n && Number(n[1]) > 6) {
    const by = typeof meta.dbVersion === 'string' ? ` (Meilisearch ${meta.dbVersion})` : '';
    throw new DumpError(
      'unsupported_version',
      `This dump was made by a newer version of Meilisearch${by}: its format is ${v}, and pocketsearch reads dump formats V1 to V6. Create the dump with an older Meilisearch, or update pocketsearch.`,
    );
  }
  throw new DumpError('unsupported_version', `Unknown dump format \`${v}\` in \`metadata.json\`; pocketsearch reads dump formats V1 to V6.`);
}

function makeReader(ctx: ImportContext, version: DumpVersion, meta: JsonObject): VersionReader {
  switch (version) {
    case 'V6':
      return new V6Reader(ctx);
    case 'V1':
      return new V1Reader(ctx, meta);
    default:
      return new LegacyReader(ctx, Number(version.slice(1)) as 2 | 3 | 4 | 5);
  }
}
