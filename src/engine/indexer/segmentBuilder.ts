/**
 * Turns documents into one immutable segment: per word a posting list (docs + fid/position occurrences),
 * per faceted field a facet column. Documents must be added in ascending internal id order.
 */
import { compareUtf8, encodeIds } from '../storage/byteCodec.ts';
import { encodePosting, packOccurrence } from '../storage/postingCodec.ts';
import { encodeFacetColumn, type FacetColumn } from '../storage/facetCodec.ts';
import { walkDocument, type LeafValue } from '../documents/flatten.ts';
import type { FieldsMap } from '../indexes/fieldsMap.ts';
import type { FieldRuleCache } from '../indexes/fieldRules.ts';
import { POSTING_BLOCK_BYTES, type SegmentRecord } from '../indexes/indexRecords.ts';
import type { Analyzer } from '../text/types.ts';
import { normalizeFacetValue } from '../text/analyzer.ts';
import type { Document } from '../types/indexes.ts';
import { EngineError } from '../../errors/engineError.ts';
import { OccurrenceLog } from './occurrenceLog.ts';
import { FieldWordCountsBuilder } from './fieldWordCounts.ts';

export const SEGMENT_RECORD_VERSION = 3;
export const GEO_FIELD = '_geo';

class FacetAcc {
  numbers = new Map<number, number[]>();
  /** normalized value → original spelling → docs */
  strings = new Map<string, Map<string, number[]>>();
  exists: number[] = [];
  isNull: number[] = [];
  isEmpty: number[] = [];
  geoDocs: number[] = [];
  geoLat: number[] = [];
  geoLng: number[] = [];
}

function pushDoc(list: number[], doc: number): void {
  if (list.length === 0 || list[list.length - 1] !== doc) list.push(doc);
}

function isEmptyValue(v: unknown): boolean {
  if (v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}

function geoNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export interface BuiltSegment {
  record: SegmentRecord;
  /** posting blocks, in block number order */
  blocks: Uint8Array[];
  /** [fid, encoded facet column] */
  facets: [number, Uint8Array][];
  /** total encoded bytes, for progress and stats */
  bytes: number;
}

export interface SegmentBuilderOptions {
  analyzer: Analyzer;
  fields: FieldsMap;
  rules: FieldRuleCache;
  /** locales for a field path (from `localizedAttributes`), if any */
  localesFor?: (path: string) => readonly string[] | undefined;
}

export class SegmentBuilder {
  private readonly log = new OccurrenceLog();
  private readonly facets = new Map<number, FacetAcc>();
  private readonly docs: number[] = [];
  /** words per field per document, for the exactness rule */
  private readonly wordCounts = new FieldWordCountsBuilder();
  private lastDoc = -1;

  constructor(private readonly opts: SegmentBuilderOptions) {}

  get documentCount(): number {
    return this.docs.length;
  }

  add(docid: number, doc: Document, externalId: string): void {
    if (docid <= this.lastDoc) throw new EngineError('internal', 'Segment documents must be added in ascending id order.');
    this.lastDoc = docid;
    this.docs.push(docid);
    const { analyzer, fields, rules, localesFor } = this.opts;
    const lastPosition = new Map<number, number>();
    let currentOcc = 0;
    const log = this.log;
    let emitted = 0;
    const fieldWords = new Map<number, number>();
    const emit = (word: string, position: number) => {
      emitted++;
      log.add(word, docid, currentOcc + position);
    };
    const emitRange = (text: string, start: number, end: number, position: number) => {
      emitted++;
      log.addRange(text, start, end, docid, currentOcc + position);
    };
    const leaf = (path: string, value: LeafValue) => {
      const fid = fields.idOrInsert(path);
      if (rules.isFaceted(path)) this.facetValue(fid, path, value, docid);
      if (value === null || rules.weight(path) < 0) return;
      const text = typeof value === 'string' ? value : String(value);
      const prev = lastPosition.get(fid);
      const start = prev === undefined ? 0 : prev + 8;
      if (start > 65535) return;
      currentOcc = packOccurrence(fid, 0);
      // Meilisearch's per-field cursor: the next array element starts 8 after the last word emitted.
      const before = emitted;
      lastPosition.set(fid, analyzer.indexValue(text, emit, start, localesFor?.(path), emitRange));
      if (emitted > before) fieldWords.set(fid, (fieldWords.get(fid) ?? 0) + emitted - before);
    };
    const field = (path: string, value: unknown, inArray: boolean) => {
      const fid = fields.idOrInsert(path);
      if (!rules.isFaceted(path)) return;
      const acc = this.facetAcc(fid);
      pushDoc(acc.exists, docid);
      // Meilisearch records null and empty values only outside arrays (nested objects included).
      if (value === null && !inArray) pushDoc(acc.isNull, docid);
      if (!inArray && isEmptyValue(value)) pushDoc(acc.isEmpty, docid);
      if (path === GEO_FIELD) this.geoValue(acc, value, docid, externalId);
    };
    walkDocument(doc, leaf, field);
    for (const [fid, n] of fieldWords) this.wordCounts.add(fid, docid, n);
  }

  private facetAcc(fid: number): FacetAcc {
    let acc = this.facets.get(fid);
    if (!acc) {
      acc = new FacetAcc();
      this.facets.set(fid, acc);
    }
    return acc;
  }

  private facetValue(fid: number, path: string, value: LeafValue, docid: number): void {
    if (path === GEO_FIELD || path.startsWith(`${GEO_FIELD}.`)) return;
    if (value === null) return;
    const acc = this.facetAcc(fid);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return;
      const key = value === 0 ? 0 : value; // -0 and 0 are one value
      let list = acc.numbers.get(key);
      if (!list) acc.numbers.set(key, (list = []));
      pushDoc(list, docid);
      return;
    }
    const original = typeof value === 'string' ? value : String(value);
    const norm = normalizeFacetValue(original);
    let spellings = acc.strings.get(norm);
    if (!spellings) acc.strings.set(norm, (spellings = new Map()));
    let list = spellings.get(original);
    if (!list) spellings.set(original, (list = []));
    pushDoc(list, docid);
  }

  private geoValue(acc: FacetAcc, value: unknown, docid: number, externalId: string): void {
    if (value === null) return;
    const obj = value as Record<string, unknown>;
    const lat = typeof value === 'object' && !Array.isArray(value) ? geoNumber(obj.lat) : undefined;
    const lng = typeof value === 'object' && !Array.isArray(value) ? geoNumber(obj.lng) : undefined;
    if (lat === undefined || lng === undefined || lat < -90 || lat > 90 || lng < -180 || lng > 180) {
      throw new EngineError(
        'invalid_document_geo_field',
        `The \`_geo\` field in the document with the id: \`${JSON.stringify(externalId)}\` is not an object with valid \`lat\` and \`lng\` numbers: \`${JSON.stringify(value)}\`.`,
      );
    }
    acc.geoDocs.push(docid);
    acc.geoLat.push(lat);
    acc.geoLng.push(lng);
  }

  build(seg: number, createdAt: string): BuiltSegment {
    // Words in UTF-16 code unit order (JS native), the order every dictionary lookup assumes.
    const all = this.log.words;
    const order = all.map((_, i) => i).sort((a, b) => (all[a] < all[b] ? -1 : all[a] > all[b] ? 1 : 0));
    const wordList = order.map((i) => all[i]);
    const n = wordList.length;
    const wordDocCounts = new Uint32Array(n);
    const wordBlocks = new Uint32Array(n);
    const wordOffsets = new Uint32Array(n);
    const wordLengths = new Uint32Array(n);
    const blocks: Uint8Array[] = [];
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = () => {
      const block = new Uint8Array(pendingBytes);
      let o = 0;
      for (const p of pending) {
        block.set(p, o);
        o += p.length;
      }
      blocks.push(block);
      pending = [];
      pendingBytes = 0;
    };
    let bytes = 0;
    let i = 0;
    this.log.forEachWord(order, (_w, docs, counts, occ) => {
      const enc = encodePosting(docs, counts, occ);
      if (pendingBytes > 0 && pendingBytes + enc.length > POSTING_BLOCK_BYTES) flush();
      wordDocCounts[i] = docs.length;
      wordBlocks[i] = blocks.length;
      wordOffsets[i] = pendingBytes;
      wordLengths[i] = enc.length;
      pending.push(enc);
      pendingBytes += enc.length;
      bytes += enc.length;
      i++;
    });
    if (pendingBytes > 0) flush();
    const facets: [number, Uint8Array][] = [];
    for (const [fid, acc] of this.facets) {
      const enc = encodeFacetColumn(facetColumn(acc));
      facets.push([fid, enc]);
      bytes += enc.length;
    }
    const record: SegmentRecord = {
      v: SEGMENT_RECORD_VERSION,
      seg,
      docs: encodeIds(this.docs),
      words: wordList.join('\u0000'),
      wordDocCounts,
      wordBlocks,
      wordOffsets,
      wordLengths,
      blockCount: blocks.length,
      fieldWordCounts: this.wordCounts.encode(),
      createdAt,
    };
    return { record, blocks, facets, bytes };
  }
}

function facetColumn(acc: FacetAcc): FacetColumn {
  const nums = [...acc.numbers.keys()].sort((a, b) => a - b);
  const strs = [...acc.strings.keys()].sort(compareUtf8);
  return {
    numbers: Float64Array.from(nums),
    numberDocs: nums.map((n) => Uint32Array.from(acc.numbers.get(n)!)),
    strings: strs,
    stringDocs: [],
    spellings: strs.map((s) => [...acc.strings.get(s)!].map(([original, docs]) => ({ original, docs: Uint32Array.from(docs) }))),
    exists: Uint32Array.from(acc.exists),
    isNull: Uint32Array.from(acc.isNull),
    isEmpty: Uint32Array.from(acc.isEmpty),
    geo: acc.geoDocs.length
      ? { docs: Uint32Array.from(acc.geoDocs), lat: Float64Array.from(acc.geoLat), lng: Float64Array.from(acc.geoLng) }
      : null,
  };
}
