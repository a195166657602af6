/**
 * Search in one index: query → candidates → ranking → page → hits. The response has Meilisearch's shape
 * (spec §1.3). Retries once if a concurrent commit replaced the segments being read.
 */
import { STORES } from '../storage/schema.ts';
import type { EngineContext } from '../engineContext.ts';
import type { IndexState } from '../indexes/indexState.ts';
import type { DocumentRecord } from '../indexes/indexRecords.ts';
import type { Document } from '../types/indexes.ts';
import type { Hit, SearchResponse } from '../types/search.ts';
import { selectFields } from '../documents/selectFields.ts';
import { parseStored, readStoredDocs } from '../documents/documentStore.ts';
import { VECTORS_FIELD } from '../documents/flatten.ts';
import { coversPath } from '../indexes/fieldRules.ts';
import { uuidV7 } from '../util/uuid.ts';
import { PostingsReader, StaleIndexState } from './postingsReader.ts';
import type { ResolvedSearchParams } from './searchParams.ts';
import { pageWindow, paginationFields } from './pagination.ts';
import { parseBasicQuery } from './query/basicQuery.ts';
import { rankBasic } from './ranking/basicRanking.ts';

/** Attribute selectors of returned hits: attributesToRetrieve ∩ displayedAttributes (null = every field). */
export function retrievedSelectors(displayed: readonly string[], toRetrieve: readonly string[] | null): string[] | null {
  const displayAll = displayed.includes('*');
  const retrieveAll = toRetrieve === null || toRetrieve.includes('*');
  if (displayAll) return retrieveAll ? null : [...toRetrieve!];
  if (retrieveAll) return [...displayed];
  return toRetrieve!.filter((r) => displayed.some((d) => coversPath(d, r) || coversPath(r, d)));
}

/** Stored documents of `docids`, parsed, in the given order (a missing one means the index changed meanwhile). */
export async function readDocuments(ctx: EngineContext, state: IndexState, docids: readonly number[]): Promise<DocumentRecord[]> {
  const recs = await ctx.store.read([STORES.documents], (tx) => readStoredDocs(tx, state.ix, docids));
  return docids.map((d) => {
    const r = recs.get(d);
    if (!r) throw new StaleIndexState();
    return { id: r.id, doc: parseStored(r), size: r.size };
  });
}

/** A stored document shaped for output: selected fields, keys in field-id order, vectors hidden unless asked. */
export function shapeDocument(state: IndexState, doc: Document, selectors: readonly string[] | null, withVectors = false): Document {
  const order = (k: string) => state.fields.id(k) ?? Number.MAX_SAFE_INTEGER;
  const out = selectFields(doc, selectors, order);
  if (!withVectors) delete out[VECTORS_FIELD];
  return out;
}

async function runSearch(ctx: EngineContext, state: IndexState, p: ResolvedSearchParams, started: number): Promise<SearchResponse> {
  const settings = state.settings;
  const maxTotalHits = settings.pagination.maxTotalHits;
  const window = pageWindow(p, maxTotalHits);
  const universe = state.liveDocs();
  const need = window.offset + window.limit;
  const q = p.q ?? '';
  const terms = q.trim() === '' ? [] : parseBasicQuery(state.analyzer(), q, settings.prefixSearch !== 'disabled');
  let ranked: number[];
  let total: number;
  if (terms.length === 0) {
    total = universe.length;
    ranked = Array.from(universe.subarray(0, need));
  } else {
    const reader = new PostingsReader(ctx.store, state, ctx.postings);
    ({ ranked, total } = await rankBasic(reader, state.dictionary(), terms, universe, need));
  }
  const page = ranked.slice(window.offset, need);
  const selectors = retrievedSelectors(settings.displayedAttributes, p.attributesToRetrieve);
  const docs = await readDocuments(ctx, state, page);
  const hits: Hit[] = docs.map((r) => shapeDocument(state, r.doc, selectors, p.retrieveVectors));
  const response: SearchResponse = {
    hits,
    query: q,
    processingTimeMs: Math.round(performance.now() - started),
    ...paginationFields(window, p, total, maxTotalHits),
  };
  response.requestUid = uuidV7();
  return response;
}

export async function searchIndex(ctx: EngineContext, uid: string, params: ResolvedSearchParams): Promise<SearchResponse> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    const state = await ctx.catalog.state(uid);
    try {
      return await runSearch(ctx, state, params, started);
    } catch (e) {
      if (!(e instanceof StaleIndexState) || attempt >= 2) throw e;
      ctx.catalog.invalidate([uid]);
    }
  }
}
