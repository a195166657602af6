/**
 * Reads what a query needs from the index, and nothing more: posting lists of the query's words and facet
 * columns of the fields it filters/sorts/facets on, merged across live segments with tombstones applied.
 */
import { STORES } from '../storage/schema.ts';
import type { Store } from '../storage/store.ts';
import { decodePosting, decodePostingDocs, filterPosting, mergePostings, type Posting } from '../storage/postingCodec.ts';
import { decodeFacetColumn } from '../storage/facetCodec.ts';
import { mergeFacetColumns, type FacetIndex, type SegmentColumn } from './facets/facetIndex.ts';
import { facetCacheOf } from './facets/facetCache.ts';
import { has, type DocSet } from '../storage/docSet.ts';
import type { IndexState, LoadedSegment } from '../indexes/indexState.ts';
import type { PostingCache } from './postingCache.ts';
import { EngineError } from '../../errors/engineError.ts';

/** Thrown when the segments read were replaced meanwhile (another writer committed): retry with fresh state. */
export class StaleIndexState extends Error {
  constructor() {
    super('The index changed while it was read.');
    this.name = 'StaleIndexState';
  }
}

const EMPTY_POSTING: Posting = { docs: new Uint32Array(0), offsets: new Uint32Array(1), occ: new Uint32Array(0) };

/** A word's posting in one live segment, tombstones not applied (they come along). */
export interface SegmentPosting {
  posting: Posting;
  tombstones: DocSet;
}

/** A word's documents in one live segment, tombstones not applied (they come along). */
export interface SegmentDocs {
  docs: DocSet;
  tombstones: DocSet;
}

function postingBytes(p: Posting): number {
  return p.docs.byteLength + p.offsets.byteLength + p.occ.byteLength + 64;
}

export class PostingsReader {
  /** merged postings of this query (tombstones applied) */
  private readonly merged = new Map<string, Posting>();
  /** per-segment postings of this query, for `load(words, false)` */
  private readonly unmerged = new Map<string, SegmentPosting[]>();
  /** per-segment document lists of this query, for `loadDocs` */
  private readonly docLists = new Map<string, SegmentDocs[]>();
  /** merged facet values of this query */
  private readonly facets = new Map<number, FacetIndex | null>();

  constructor(
    private readonly store: Store,
    private readonly state: IndexState,
    private readonly cache: PostingCache,
  ) {}

  private key(seg: LoadedSegment, word: string): string {
    return `${this.state.ix}/${seg.seg}/w/${word}`;
  }

  /**
   * Loads the postings of `words`: one read transaction for every posting block not cached. With `merge` false
   * the per-segment postings are kept as they are (see `parts`): no merge, nothing copied.
   */
  async load(words: Iterable<string>, merge = true): Promise<void> {
    const ix = this.state.ix;
    const wanted: string[] = [];
    const needBlocks = new Map<string, { seg: LoadedSegment; block: number }>();
    for (const word of new Set(words)) {
      if ((merge ? this.merged : this.unmerged).has(word)) continue;
      wanted.push(word);
      for (const seg of this.state.segments) {
        const i = seg.wordIndex(word);
        if (i < 0 || this.cache.get(this.key(seg, word)) !== undefined) continue;
        const block = seg.record.wordBlocks[i];
        const bkey = `${ix}/${seg.seg}/b/${block}`;
        if (this.cache.get(bkey) === undefined) needBlocks.set(bkey, { seg, block });
      }
    }
    const fetched = new Map<string, Uint8Array>();
    if (needBlocks.size) {
      const list = [...needBlocks.entries()];
      const values = await this.store.read([STORES.postings], (tx) =>
        tx.getMany<Uint8Array>(STORES.postings, list.map(([, { seg, block }]) => [ix, seg.seg, block])),
      );
      values.forEach((bytes, i) => {
        if (!bytes) throw new StaleIndexState();
        fetched.set(list[i][0], bytes);
        this.cache.set(list[i][0], bytes, bytes.length + 64);
      });
    }
    for (const word of wanted) {
      const parts: Posting[] = [];
      const raw: SegmentPosting[] = [];
      for (const seg of this.state.segments) {
        const i = seg.wordIndex(word);
        if (i < 0) continue;
        let p = this.cache.get<Posting>(this.key(seg, word));
        if (!p) {
          const block = seg.record.wordBlocks[i];
          const bkey = `${ix}/${seg.seg}/b/${block}`;
          let bytes = fetched.get(bkey) ?? this.cache.get<Uint8Array>(bkey);
          if (!bytes) {
            // Evicted meanwhile (tiny cache): read this block alone.
            bytes = await this.store.read([STORES.postings], (tx) => tx.get<Uint8Array>(STORES.postings, [ix, seg.seg, block]));
            if (!bytes) throw new StaleIndexState();
          }
          const off = seg.record.wordOffsets[i];
          p = decodePosting(bytes.subarray(off, off + seg.record.wordLengths[i]));
          this.cache.set(this.key(seg, word), p, postingBytes(p));
        }
        const tomb = seg.tombstones;
        if (!merge) raw.push({ posting: p, tombstones: tomb });
        else parts.push(tomb.length ? filterPosting(p, (d) => !has(tomb, d)) : p);
      }
      if (merge) this.merged.set(word, mergePostings(parts));
      else this.unmerged.set(word, raw);
    }
  }

  /**
   * Loads only the document ids of `words` (positions are not decoded), per live segment: for words a query
   * only counts or intersects. A cached full posting is used as is.
   */
  async loadDocs(words: Iterable<string>): Promise<void> {
    const ix = this.state.ix;
    const wanted = [...new Set(words)].filter((w) => !this.docLists.has(w));
    // One cache lookup per (word, segment); what is missing is decoded from its block afterwards.
    const found = new Map<string, { seg: LoadedSegment; i: number; docs: DocSet | undefined }[]>();
    const needBlocks = new Map<string, { seg: LoadedSegment; block: number }>();
    for (const word of wanted) {
      const slots: { seg: LoadedSegment; i: number; docs: DocSet | undefined }[] = [];
      for (const seg of this.state.segments) {
        const i = seg.wordIndex(word);
        if (i < 0) continue;
        const docs = this.cache.get<Posting>(this.key(seg, word))?.docs ?? this.cache.get<DocSet>(`${ix}/${seg.seg}/d/${word}`);
        slots.push({ seg, i, docs });
        if (docs) continue;
        const block = seg.record.wordBlocks[i];
        needBlocks.set(`${ix}/${seg.seg}/b/${block}`, { seg, block });
      }
      found.set(word, slots);
    }
    const blocks = new Map<string, Uint8Array>();
    const missing = [...needBlocks.entries()].filter(([bkey]) => {
      const cached = this.cache.get<Uint8Array>(bkey);
      if (cached) blocks.set(bkey, cached);
      return !cached;
    });
    if (missing.length) {
      const values = await this.store.read([STORES.postings], (tx) => tx.getMany<Uint8Array>(STORES.postings, missing.map(([, { seg, block }]) => [ix, seg.seg, block])));
      values.forEach((bytes, k) => {
        if (!bytes) throw new StaleIndexState();
        blocks.set(missing[k][0], bytes);
        this.cache.set(missing[k][0], bytes, bytes.length + 64);
      });
    }
    for (const [word, slots] of found) {
      const lists: SegmentDocs[] = [];
      for (const { seg, i, docs: cached } of slots) {
        if (cached) {
          lists.push({ docs: cached, tombstones: seg.tombstones });
          continue;
        }
        const bytes = blocks.get(`${ix}/${seg.seg}/b/${seg.record.wordBlocks[i]}`)!;
        const off = seg.record.wordOffsets[i];
        const docs = decodePostingDocs(bytes.subarray(off, off + seg.record.wordLengths[i]));
        this.cache.set(`${ix}/${seg.seg}/d/${word}`, docs, docs.byteLength + 64);
        lists.push({ docs, tombstones: seg.tombstones });
      }
      this.docLists.set(word, lists);
    }
  }

  /** The per-segment documents of a word loaded with `loadDocs` or `load(words, false)` (none if not indexed). */
  docParts(word: string): readonly SegmentDocs[] {
    const d = this.docLists.get(word);
    if (d) return d;
    const p = this.unmerged.get(word);
    if (p) return p.map((x) => ({ docs: x.posting.docs, tombstones: x.tombstones }));
    if (this.state.segments.some((seg) => seg.hasWord(word))) throw new EngineError('internal', `Documents of \`${word}\` were not loaded.`);
    return [];
  }

  /** The per-segment postings of a word loaded with `load(words, false)` (none if the word is not indexed). */
  parts(word: string): readonly SegmentPosting[] {
    const p = this.unmerged.get(word);
    if (!p) {
      if (this.state.segments.some((seg) => seg.hasWord(word))) throw new EngineError('internal', `Posting of \`${word}\` was not loaded.`);
      return [];
    }
    return p;
  }

  /** The merged posting of a word loaded with `load` (empty if the word is not indexed). */
  posting(word: string): Posting {
    const p = this.merged.get(word);
    if (!p) {
      if (this.state.segments.some((seg) => seg.hasWord(word))) throw new EngineError('internal', `Posting of \`${word}\` was not loaded.`);
      return EMPTY_POSTING;
    }
    return p;
  }

  /** The facet values of a field across live segments, tombstones applied; null when no segment holds a value of it. */
  async facetColumn(fid: number): Promise<FacetIndex | null> {
    return (await this.facetColumns([fid])).get(fid) ?? null;
  }

  /**
   * Facet values of several fields (one read transaction for every segment column not cached). Merged values
   * live in their own cache tier (see `facetCacheOf`), keyed by the segments and their tombstone counts:
   * tombstones only grow, so the key changes exactly when the live documents do. Segment columns are cached
   * encoded (compact) beside the postings, so a write re-merges without re-reading unchanged segments.
   */
  async facetColumns(fids: readonly number[]): Promise<Map<number, FacetIndex | null>> {
    const ix = this.state.ix;
    const segs = this.state.segments;
    const tier = facetCacheOf(this.cache);
    const out = new Map<number, FacetIndex | null>();
    const mergedKey = (fid: number) => `${ix}/fm/${fid}/${segs.map((s) => `${s.seg}.${s.tombstones.length}`).join(',')}`;
    const todo: [LoadedSegment, number][] = [];
    const held = new Map<string, Uint8Array | null>();
    for (const fid of new Set(fids)) {
      const merged = this.facets.get(fid) ?? tier.get<FacetIndex | null>(mergedKey(fid));
      if (merged !== undefined) {
        out.set(fid, merged);
        continue;
      }
      for (const seg of segs) {
        const key = `${ix}/${seg.seg}/fb/${fid}`;
        const bytes = this.cache.get<Uint8Array | null>(key);
        if (bytes === undefined) todo.push([seg, fid]);
        else held.set(key, bytes); // held here: later cache writes may evict it
      }
    }
    if (todo.length) {
      const values = await this.store.read([STORES.facets], (tx) => tx.getMany<Uint8Array>(STORES.facets, todo.map(([s, fid]) => [ix, s.seg, fid])));
      values.forEach((bytes, i) => {
        const key = `${ix}/${todo[i][0].seg}/fb/${todo[i][1]}`;
        held.set(key, bytes ?? null);
        this.cache.set(key, bytes ?? null, bytes ? bytes.length + 64 : 16);
      });
    }
    for (const fid of new Set(fids)) {
      if (out.has(fid)) continue;
      const parts: SegmentColumn[] = [];
      for (const seg of segs) {
        const bytes = held.get(`${ix}/${seg.seg}/fb/${fid}`);
        if (bytes) parts.push({ column: decodeFacetColumn(bytes), tombstones: seg.tombstones });
      }
      const merged = parts.length ? mergeFacetColumns(parts) : null;
      this.facets.set(fid, merged);
      tier.set(mergedKey(fid), merged, merged ? merged.bytes : 16);
      out.set(fid, merged);
    }
    return out;
  }
}
