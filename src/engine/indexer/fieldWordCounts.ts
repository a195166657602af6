/**
 * Per segment, per field: how many words each document has in that field, for documents with at most
 * {@link MAX_COUNTED_WORDS} (Meilisearch's `field_id_word_count_docids`). The exactness rule needs it: an
 * attribute matches the query exactly only if it has as many words as the query (spec §5.4).
 *
 * Layout (version 1): u8 version · varint field count · per field (ascending fid): varint fid · sorted doc ids ·
 * one byte per doc (its word count).
 */
import { ByteReader, ByteWriter } from '../storage/byteCodec.ts';
import { has, type DocSet } from '../storage/docSet.ts';
import { EngineError } from '../../errors/engineError.ts';

export const FIELD_WORD_COUNTS_VERSION = 1;
/** Fields with more words are not counted. */
export const MAX_COUNTED_WORDS = 30;

export interface FieldWordCounts {
  docs: DocSet;
  counts: Uint8Array;
}

/** Accumulates counts while a segment is built (documents in ascending id order). */
export class FieldWordCountsBuilder {
  private readonly fields = new Map<number, { docs: number[]; counts: number[] }>();

  /** Records that `docid` has `count` indexed words in field `fid` (counts above the limit are dropped). */
  add(fid: number, docid: number, count: number): void {
    if (count < 1 || count > MAX_COUNTED_WORDS) return;
    let f = this.fields.get(fid);
    if (!f) this.fields.set(fid, (f = { docs: [], counts: [] }));
    f.docs.push(docid);
    f.counts.push(count);
  }

  encode(): Uint8Array {
    return encodeFieldWordCounts(new Map([...this.fields].map(([fid, f]) => [fid, { docs: Uint32Array.from(f.docs), counts: Uint8Array.from(f.counts) }])));
  }
}

export function encodeFieldWordCounts(fields: ReadonlyMap<number, FieldWordCounts>): Uint8Array {
  const w = new ByteWriter(256);
  w.byte(FIELD_WORD_COUNTS_VERSION);
  const fids = [...fields.keys()].sort((a, b) => a - b);
  w.varint(fids.length);
  for (const fid of fids) {
    const f = fields.get(fid)!;
    w.varint(fid);
    w.sortedIds(f.docs);
    w.bytes(f.counts);
  }
  return w.finish();
}

export function decodeFieldWordCounts(bytes: Uint8Array | undefined): Map<number, FieldWordCounts> {
  const out = new Map<number, FieldWordCounts>();
  if (!bytes || bytes.length === 0) return out;
  const r = new ByteReader(bytes);
  const v = r.byte();
  if (v !== FIELD_WORD_COUNTS_VERSION) throw new EngineError('invalid_store_file', `Unknown field word counts version ${v}.`);
  const n = r.varint();
  for (let i = 0; i < n; i++) {
    const fid = r.varint();
    const docs = r.sortedIds();
    const counts = bytes.slice(r.pos, r.pos + docs.length);
    r.pos += docs.length;
    out.set(fid, { docs, counts });
  }
  return out;
}

/** Merges the counts of several segments (segment compaction), dropping tombstoned documents. */
export function mergeFieldWordCounts(parts: readonly { bytes: Uint8Array | undefined; tombstones: DocSet }[]): Uint8Array {
  const merged = new Map<number, { doc: number; count: number }[]>();
  for (const part of parts) {
    for (const [fid, f] of decodeFieldWordCounts(part.bytes)) {
      let list = merged.get(fid);
      if (!list) merged.set(fid, (list = []));
      for (let i = 0; i < f.docs.length; i++) if (!has(part.tombstones, f.docs[i])) list.push({ doc: f.docs[i], count: f.counts[i] });
    }
  }
  const out = new Map<number, FieldWordCounts>();
  for (const [fid, list] of merged) {
    list.sort((a, b) => a.doc - b.doc);
    out.set(fid, { docs: Uint32Array.from(list, (x) => x.doc), counts: Uint8Array.from(list, (x) => x.count) });
  }
  return encodeFieldWordCounts(out);
}
