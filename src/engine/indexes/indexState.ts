/**
 * The read-side state of one index: settings, fields, stats and its live segments (dictionary, doc lists,
 * tombstones). Loaded on first use from a few records (never the postings), cached until a write commits.
 */
import { STORES } from '../storage/schema.ts';
import type { ReadTx, Store } from '../storage/store.ts';
import { decodeIds } from '../storage/byteCodec.ts';
import { bitsToDocSet } from '../indexer/docIdSet.ts';
import { decodeFieldWordCounts, type FieldWordCounts } from '../indexer/fieldWordCounts.ts';
import { difference, type DocSet } from '../storage/docSet.ts';
import { defaultSettings } from '../settings/defaults.ts';
import type { Settings } from '../types/settings.ts';
import type { Analyzer } from '../text/types.ts';
import { createAnalyzer } from '../text/analyzer.ts';
import { FieldsMap } from './fieldsMap.ts';
import {
  emptyStats,
  META,
  type IndexMetaRecords,
  type IndexRecord,
  type IndexStatsRecord,
  type SegmentRecord,
  type SegmentsRecord,
} from './indexRecords.ts';
import { EngineError } from '../../errors/engineError.ts';

export class LoadedSegment {
  private _words: string[] | undefined;
  private _docs: DocSet | undefined;
  private _live: DocSet | undefined;
  private _wordCounts: Map<number, FieldWordCounts> | undefined;

  constructor(
    readonly record: SegmentRecord,
    readonly tombstones: DocSet,
  ) {}

  get seg(): number {
    return this.record.seg;
  }

  /** Sorted words of the segment. */
  get words(): string[] {
    if (!this._words) this._words = this.record.words === '' ? [] : this.record.words.split('\u0000');
    return this._words;
  }

  /** Every doc indexed in the segment (tombstoned ones included). */
  get docs(): DocSet {
    if (!this._docs) this._docs = decodeIds(this.record.docs);
    return this._docs;
  }

  /** Docs of the segment still alive. */
  get liveDocs(): DocSet {
    if (!this._live) this._live = difference(this.docs, this.tombstones);
    return this._live;
  }

  /** Words per field of the documents with at most 30 words there (tombstoned ones included), decoded on first use. */
  get fieldWordCounts(): Map<number, FieldWordCounts> {
    if (!this._wordCounts) this._wordCounts = decodeFieldWordCounts(this.record.fieldWordCounts);
    return this._wordCounts;
  }

  hasWord(word: string): boolean {
    return this.wordIndex(word) >= 0;
  }

  /** Index of the word in `words`, or -1. */
  wordIndex(word: string): number {
    const w = this.words;
    let lo = 0;
    let hi = w.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = w[mid];
      if (v === word) return mid;
      if (v < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

export class IndexState {
  readonly fields: FieldsMap;
  private _analyzer: Analyzer | undefined;
  private _dictionary: string[] | undefined;
  private _liveDocs: DocSet | undefined;

  constructor(
    readonly record: IndexRecord,
    readonly meta: IndexMetaRecords,
    readonly segments: LoadedSegment[],
  ) {
    this.fields = new FieldsMap(meta.fields);
  }

  get ix(): number {
    return this.record.ix;
  }

  get uid(): string {
    return this.record.uid;
  }

  get settings(): Settings {
    return this.meta.settings;
  }

  get stats(): IndexStatsRecord {
    return this.meta.stats;
  }

  analyzer(): Analyzer {
    if (!this._analyzer) this._analyzer = analyzerFor(this.settings);
    return this._analyzer;
  }

  /** Every indexed word of the live segments, sorted, unique (the term dictionary for prefix/typo derivation). */
  dictionary(): string[] {
    if (!this._dictionary) this._dictionary = mergeSortedUnique(this.segments.map((s) => s.words));
    return this._dictionary;
  }

  /** Every live document id, ascending. */
  liveDocs(): DocSet {
    if (!this._liveDocs) this._liveDocs = bitsToDocSet(this.meta.docids);
    return this._liveDocs;
  }
}

export function analyzerFor(settings: Settings): Analyzer {
  return createAnalyzer({
    stopWords: settings.stopWords,
    separatorTokens: settings.separatorTokens,
    nonSeparatorTokens: settings.nonSeparatorTokens,
    dictionary: settings.dictionary,
  });
}

/**
 * Merges sorted lists into one sorted list without duplicates. A k-way merge of the heads (k is at most a few
 * live segments): sorting the concatenation compared strings ~5× more and was a fifth of a cold start's first query.
 */
export function mergeSortedUnique(lists: string[][]): string[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0];
  const k = nonEmpty.length;
  const at = new Array<number>(k).fill(0);
  const out: string[] = [];
  let last: string | undefined;
  for (;;) {
    let best = -1;
    let min = '';
    for (let j = 0; j < k; j++) {
      const l = nonEmpty[j];
      if (at[j] >= l.length) continue;
      const w = l[at[j]];
      if (best < 0 || w < min) {
        best = j;
        min = w;
      }
    }
    if (best < 0) return out;
    at[best]++;
    if (min !== last) {
      out.push(min);
      last = min;
    }
  }
}

/** Reads the per-index meta records (defaults for a brand-new index). */
export async function readIndexMeta(tx: ReadTx, ix: number): Promise<IndexMetaRecords> {
  const [settings, fields, stats, segments, docids] = await tx.getMany<unknown>(STORES.indexMeta, [
    [ix, META.settings],
    [ix, META.fields],
    [ix, META.stats],
    [ix, META.segments],
    [ix, META.docids],
  ]);
  return {
    settings: (settings as Settings | undefined) ?? defaultSettings(),
    fields: (fields as string[] | undefined) ?? [],
    stats: (stats as IndexStatsRecord | undefined) ?? emptyStats(),
    segments: (segments as SegmentsRecord | undefined) ?? { nextSeg: 0, live: [] },
    docids: docids as Uint8Array | undefined,
  };
}

export async function loadIndexState(store: Store, record: IndexRecord): Promise<IndexState> {
  return store.read([STORES.indexMeta, STORES.segments, STORES.tombstones], async (tx) => {
    const meta = await readIndexMeta(tx, record.ix);
    const keys = meta.segments.live.map((seg) => [record.ix, seg]);
    const [records, tombs] = await Promise.all([
      tx.getMany<SegmentRecord>(STORES.segments, keys),
      tx.getMany<Uint8Array>(STORES.tombstones, keys),
    ]);
    const segments = records.map((r, i) => {
      if (!r) throw new EngineError('invalid_state', `Segment ${meta.segments.live[i]} of index \`${record.uid}\` is missing.`);
      return new LoadedSegment(r, decodeIds(tombs[i]));
    });
    return new IndexState(record, meta, segments);
  });
}
