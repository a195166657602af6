/**
 * Fills one index from a dump through the engine's write path: an {@link IndexWriter} allocates document ids,
 * builds and stages segments, and commits documents, ids, stats, fields and settings like a document batch does.
 * Documents are buffered and committed every {@link FLUSH_DOCS} documents (or {@link FLUSH_BYTES} of JSON), so
 * memory stays bounded whatever the index size. A document whose id was already imported replaces it.
 *
 * Partial commits are safe because the whole import is guarded by a marker (see `dumpImportTarget.ts`): an import
 * that does not finish is wiped, by `abort()` or, after a crash, at the next start.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { EngineContext } from '../engineContext.ts';
import { ALL_STORES, STORES } from '../storage/schema.ts';
import { utf8Length } from '../storage/byteCodec.ts';
import { IndexWriter, SEGMENT_CHUNK_DOCS, type DocToIndex } from '../indexer/indexWriter.ts';
import { clearStaging } from '../indexer/staging.ts';
import { loadIndexState } from '../indexes/indexState.ts';
import type { IndexRecord } from '../indexes/indexRecords.ts';
import { checkIndexUid } from '../indexes/indexUid.ts';
import { allocateIndexId } from '../tasks/processors/openIndexWriter.ts';
import { extractDocumentId } from '../documents/documentId.ts';
import { inferPrimaryKey } from '../documents/primaryKey.ts';
import { documentFieldPaths } from '../documents/flatten.ts';
import { lookupExternalIds, parseStored, readStoredDocs } from '../documents/documentStore.ts';
import { applySettingsUpdate, checkSettingsForProcessing } from '../settings/applySettings.ts';
import { parseSettingsUpdate } from '../settings/parseSettings.ts';
import type { Document, IndexObject } from '../types/indexes.ts';

/** Documents per commit: two segments' worth. */
export const FLUSH_DOCS = 2 * SEGMENT_CHUNK_DOCS;
/** JSON bytes per commit. */
export const FLUSH_BYTES = 32 * 1024 * 1024;

export class IndexImporter {
  private pending = new Map<string, Document>();
  private pendingBytes = 0;
  private primaryKey: string | null;

  private constructor(
    private readonly ctx: EngineContext,
    private record: IndexRecord,
  ) {
    this.primaryKey = record.primaryKey;
  }

  get uid(): string {
    return this.record.uid;
  }

  get ix(): number {
    return this.record.ix;
  }

  /** Creates the index (its dump dates kept until the first commit sets `updatedAt` to the import time). */
  static async create(ctx: EngineContext, meta: IndexObject): Promise<IndexImporter> {
    const uid = checkIndexUid(meta.uid);
    if (await ctx.catalog.record(uid)) throw new EngineError('index_already_exists', `Index \`${uid}\` already exists.`);
    if (meta.primaryKey !== null && typeof meta.primaryKey !== 'string') {
      throw new EngineError('invalid_index_primary_key', `Index \`${uid}\`: the primary key must be a string.`);
    }
    const ix = await allocateIndexId(ctx);
    const record = { ...IndexWriter.newRecord(uid, ix, meta.primaryKey, meta.createdAt), updatedAt: meta.updatedAt };
    const importer = new IndexImporter(ctx, record);
    await importer.commitWriter(new IndexWriter(ctx.store, record, true, null, () => ctx.now(), ctx.segmentPool));
    return importer;
  }

  /** Validates and applies settings as a settings update task would (before any document: no re-indexing). */
  async applySettings(update: unknown): Promise<void> {
    const parsed = parseSettingsUpdate(update);
    const writer = await this.openWriter();
    const next = applySettingsUpdate(writer.settings, parsed);
    checkSettingsForProcessing(next);
    writer.settings = next;
    await this.commitWriter(writer);
  }

  /** Buffers documents; commits when enough are buffered. Ids are checked at once (coded errors). */
  async add(docs: readonly Document[]): Promise<void> {
    for (const doc of docs) {
      if (this.primaryKey === null) this.primaryKey = inferPrimaryKey(doc);
      const id = extractDocumentId(doc, this.primaryKey);
      // Later duplicates replace earlier ones but keep their place (and so their internal id).
      this.pending.set(id, doc);
      this.pendingBytes += estimateBytes(doc);
      if (this.pending.size >= FLUSH_DOCS || this.pendingBytes >= FLUSH_BYTES) await this.flush();
    }
  }

  /** Indexes and commits the buffered documents. */
  async flush(): Promise<void> {
    if (this.pending.size === 0 && this.primaryKey === this.record.primaryKey) return;
    const pending = this.pending;
    this.pending = new Map();
    this.pendingBytes = 0;
    const writer = await this.openWriter();
    writer.record = { ...writer.record, primaryKey: this.primaryKey };
    const ids = [...pending.keys()];
    const ix = this.ix;
    const stored = writer.stats.numberOfDocuments > 0 ? await this.ctx.store.read([STORES.externalIds], (tx) => lookupExternalIds(tx, ix, ids, writer.changes.idBuckets)) : new Map<string, number>();
    const replaced = stored.size > 0 ? await this.ctx.store.read([STORES.documents], (tx) => readStoredDocs(tx, ix, [...stored.values()])) : null;
    const toIndex: DocToIndex[] = [];
    for (const [id, doc] of pending) {
      let docid = stored.get(id);
      if (docid !== undefined) {
        const prev = replaced?.get(docid);
        writer.removeDocid(docid);
        if (prev) {
          writer.countFields(documentFieldPaths(parseStored(prev)), -1);
          writer.stats.rawDocumentDbSize -= prev.size;
        }
        writer.stats.numberOfDocuments--;
        writer.docids.add(docid);
      } else {
        docid = writer.docids.allocate();
        writer.changes.setId(id, docid);
      }
      const paths = documentFieldPaths(doc);
      for (const p of paths) writer.fields.idOrInsert(p);
      const json = JSON.stringify(doc);
      const size = utf8Length(json);
      writer.changes.setDoc(docid, { id, json, size });
      writer.countFields(paths, 1);
      writer.stats.rawDocumentDbSize += size;
      writer.stats.numberOfDocuments++;
      toIndex.push({ docid, id, doc });
    }
    toIndex.sort((a, b) => a.docid - b.docid);
    await writer.indexDocuments(toIndex);
    await this.commitWriter(writer);
  }

  private async openWriter(): Promise<IndexWriter> {
    const state = await loadIndexState(this.ctx.store, this.record);
    return new IndexWriter(this.ctx.store, this.record, false, state, () => this.ctx.now(), this.ctx.segmentPool);
  }

  /** The writer's state in one transaction (with its staged segments made live), like a batch commit. */
  private async commitWriter(writer: IndexWriter): Promise<void> {
    const staged: [number, number][] = writer.staged.map((seg) => [writer.ix, seg]);
    await writer.prepareCommit();
    await this.ctx.store.write(ALL_STORES, async (tx) => {
      writer.commit(tx);
      await clearStaging(tx, staged);
    });
    this.record = writer.record;
    // Like a batch commit: nothing may keep serving the index state from before this chunk.
    this.ctx.onCommit([writer.record.uid]);
  }
}

/** A cheap upper-bound-ish size of a document (JSON length without stringifying twice). */
function estimateBytes(doc: Document): number {
  let n = 2;
  for (const k in doc) {
    const v = doc[k];
    n += k.length + 4 + (typeof v === 'string' ? v.length : typeof v === 'object' && v !== null ? 64 : 8);
  }
  return n;
}
