/**
 * Stored documents and the external id map, packed to keep IndexedDB record counts low (per-record overhead
 * dominates IndexedDB writes: ~20k puts/s in Chromium whatever the size):
 *
 * - `documents` [ix, block] → {@link DocBlock}: the JSON text of up to {@link DOC_BLOCK} documents (docid >> 4),
 *   parsed only when a document is actually returned;
 * - `externalIds` [ix, bucket] → Map<externalId, docid>, {@link ID_BUCKETS} hash buckets per index.
 */
import { STORES } from '../storage/schema.ts';
import type { ReadTx, Store, WriteTx } from '../storage/store.ts';
import type { Document } from '../types/indexes.ts';

export const DOC_BLOCK = 16;
export const ID_BUCKETS = 1024;

/** One block of documents: slot i holds docid `block * 16 + i`, or null. */
export interface DocBlock {
  /** external ids */
  ids: (string | null)[];
  /** document JSON texts */
  docs: (string | null)[];
  /** UTF-8 byte sizes of the JSON texts (for stats) */
  sizes: number[];
}

export interface StoredDoc {
  id: string;
  json: string;
  size: number;
}

export function docBlockOf(docid: number): number {
  return Math.floor(docid / DOC_BLOCK);
}

/** FNV-1a over UTF-16 units: stable bucket of an external id. */
export function idBucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ID_BUCKETS;
}

export function parseStored(doc: StoredDoc): Document {
  return JSON.parse(doc.json) as Document;
}

/** Reads stored documents by docid (missing ones are absent from the map). */
export async function readStoredDocs(tx: ReadTx, ix: number, docids: readonly number[]): Promise<Map<number, StoredDoc>> {
  const blocks = [...new Set(docids.map(docBlockOf))];
  const values = await tx.getMany<DocBlock>(STORES.documents, blocks.map((b) => [ix, b]));
  const byBlock = new Map<number, DocBlock>();
  blocks.forEach((b, i) => {
    if (values[i]) byBlock.set(b, values[i]!);
  });
  const out = new Map<number, StoredDoc>();
  for (const d of docids) {
    const block = byBlock.get(docBlockOf(d));
    const slot = d % DOC_BLOCK;
    const json = block?.docs[slot];
    if (block && json != null) out.set(d, { id: block.ids[slot]!, json, size: block.sizes[slot] ?? json.length });
  }
  return out;
}

/** Id buckets of one index read during a batch, by bucket number (an absent bucket is an empty map). */
export type IdBucketCache = Map<number, Map<string, number>>;

/**
 * Looks up docids of external ids (unknown ids are absent from the map). With `cache`, buckets already read are
 * not read again and the ones read are added: a batch reads each bucket once, not once per payload chunk.
 */
export async function lookupExternalIds(tx: ReadTx, ix: number, ids: readonly string[], cache?: IdBucketCache): Promise<Map<string, number>> {
  const buckets = [...new Set(ids.map(idBucketOf))].filter((b) => !cache?.has(b));
  const maps = buckets.length ? await tx.getMany<Map<string, number>>(STORES.externalIds, buckets.map((b) => [ix, b])) : [];
  const byBucket: IdBucketCache = cache ?? new Map();
  buckets.forEach((b, i) => {
    if (maps[i]) byBucket.set(b, maps[i]!);
    else if (cache) byBucket.set(b, new Map());
  });
  const out = new Map<string, number>();
  for (const id of ids) {
    const d = byBucket.get(idBucketOf(id))?.get(id);
    if (d !== undefined) out.set(id, d);
  }
  return out;
}

/**
 * Pending document and id-map changes of a batch. `prepare` reads the blocks/buckets the changes touch
 * (before the final transaction, which may only await its own requests); `write` puts them back.
 */
export class DocumentChanges {
  private readonly docs = new Map<number, StoredDoc | null>();
  private readonly ids = new Map<string, number | null>();
  /** id buckets as stored, read by the batch's lookups: `prepare` does not read them again */
  readonly idBuckets: IdBucketCache = new Map();
  private blocks = new Map<number, DocBlock>();
  private buckets = new Map<number, Map<string, number>>();
  private prepared = false;

  setDoc(docid: number, doc: StoredDoc | null): void {
    this.docs.set(docid, doc);
    this.prepared = false;
  }

  setId(id: string, docid: number | null): void {
    this.ids.set(id, docid);
    this.prepared = false;
  }

  clear(): void {
    this.docs.clear();
    this.ids.clear();
    this.idBuckets.clear();
    this.prepared = false;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Loads the current content of every touched block and bucket (skipped when `fresh`: the index was cleared). */
  async prepare(store: Store, ix: number, fresh: boolean): Promise<void> {
    const blockNos = [...new Set([...this.docs.keys()].map(docBlockOf))];
    let bucketNos = [...new Set([...this.ids.keys()].map(idBucketOf))];
    this.blocks = new Map();
    this.buckets = new Map();
    if (!fresh) {
      for (const b of bucketNos) {
        const known = this.idBuckets.get(b);
        if (known) this.buckets.set(b, known); // updated in place: applying the same changes twice is harmless
      }
      bucketNos = bucketNos.filter((b) => !this.buckets.has(b));
    }
    if (!fresh && (blockNos.length || bucketNos.length)) {
      const [blocks, buckets] = await store.read([STORES.documents, STORES.externalIds], async (tx) => [
        await tx.getMany<DocBlock>(STORES.documents, blockNos.map((b) => [ix, b])),
        await tx.getMany<Map<string, number>>(STORES.externalIds, bucketNos.map((b) => [ix, b])),
      ] as const);
      blockNos.forEach((b, i) => blocks[i] && this.blocks.set(b, blocks[i]!));
      bucketNos.forEach((b, i) => buckets[i] && this.buckets.set(b, buckets[i]!));
    }
    for (const [docid, doc] of this.docs) {
      const b = docBlockOf(docid);
      let block = this.blocks.get(b);
      if (!block) this.blocks.set(b, (block = { ids: [], docs: [], sizes: [] }));
      const slot = docid % DOC_BLOCK;
      while (block.docs.length <= slot) {
        block.docs.push(null);
        block.ids.push(null);
        block.sizes.push(0);
      }
      block.docs[slot] = doc?.json ?? null;
      block.ids[slot] = doc?.id ?? null;
      block.sizes[slot] = doc?.size ?? 0;
    }
    for (const [id, docid] of this.ids) {
      const b = idBucketOf(id);
      let map = this.buckets.get(b);
      if (!map) this.buckets.set(b, (map = new Map()));
      if (docid === null) map.delete(id);
      else map.set(id, docid);
    }
    this.prepared = true;
  }

  /** Puts the prepared blocks and buckets (empty ones are deleted). */
  write(tx: WriteTx, ix: number): void {
    if (!this.prepared) throw new Error('DocumentChanges.write before prepare');
    for (const [b, block] of this.blocks) {
      if (block.docs.every((d) => d === null)) tx.delete(STORES.documents, [ix, b]);
      else tx.put(STORES.documents, [ix, b], block);
    }
    for (const [b, map] of this.buckets) {
      if (map.size === 0) tx.delete(STORES.externalIds, [ix, b]);
      else tx.put(STORES.externalIds, [ix, b], map);
    }
  }
}
