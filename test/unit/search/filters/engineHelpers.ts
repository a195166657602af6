/**
 * Test engines for the filters layer: a memory engine with one index, settings applied and documents
 * added, waiting for both tasks (and failing loudly if one did not succeed).
 */
import { expect } from 'vitest';
import { createEngine, type Engine } from '../../../../src/engine/engine.ts';
import type { SettingsUpdate } from '../../../../src/engine/types/settings.ts';
import type { Document } from '../../../../src/engine/types/indexes.ts';
import { EngineError } from '../../../../src/errors/engineError.ts';
import { PostingsReader } from '../../../../src/engine/search/postingsReader.ts';
import { prepareFilter } from '../../../../src/engine/search/filters/prepareFilter.ts';
import { evaluateFilter } from '../../../../src/engine/search/filters/evaluateFilter.ts';
import { readDocuments } from '../../../../src/engine/search/documentShape.ts';
import type { IndexState } from '../../../../src/engine/indexes/indexState.ts';
import type { DocSet } from '../../../../src/engine/storage/docSet.ts';
import type { Filter } from '../../../../src/engine/types/search.ts';

export async function engineWith(docs: Document[], settings: SettingsUpdate = {}, uid = 'test'): Promise<Engine> {
  const engine = await createEngine({ storage: 'memory', name: `filters-${Math.random()}` });
  const index = engine.index(uid);
  if (Object.keys(settings).length) {
    const t = await index.updateSettings(settings).waitTask();
    expect(t.error).toBeNull();
  }
  const t = await index.addDocuments(docs, { primaryKey: 'id' }).waitTask();
  expect(t.error).toBeNull();
  return engine;
}

/** The ids of the hits of a placeholder search with `filter` (limit 1000). */
export async function idsMatching(engine: Engine, filter: string | (string | string[])[], uid = 'test'): Promise<unknown[]> {
  const res = await engine.index(uid).search('', { filter, limit: 1000 });
  return res.hits.map((h) => h.id);
}

/** The EngineError a promise rejects with (fails if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected a rejection');
}

/** The committed read state of an index and a fresh reader on it. */
export async function readerOf(engine: Engine, uid = 'test'): Promise<{ state: IndexState; reader: PostingsReader }> {
  const state = await engine.ctx.catalog.state(uid);
  return { state, reader: new PostingsReader(engine.ctx.store, state, engine.ctx.postings) };
}

/** The `id` of each document of `docids`, in order. */
export async function idsOf(engine: Engine, docids: ArrayLike<number>, uid = 'test'): Promise<unknown[]> {
  const state = await engine.ctx.catalog.state(uid);
  const recs = await readDocuments(engine.ctx, state, Array.from(docids));
  return recs.map((r) => r.doc.id);
}

/** Evaluates a filter on the stored structures (no ranking involved); ids in internal id order. */
export async function filterIds(engine: Engine, filter: Filter, uid = 'test', containsFilter = false): Promise<unknown[]> {
  return idsOf(engine, await filterDocs(engine, filter, uid, containsFilter), uid);
}

/** The documents a filter matches, as internal ids. */
export async function filterDocs(engine: Engine, filter: Filter, uid = 'test', containsFilter = false): Promise<DocSet> {
  const { state, reader } = await readerOf(engine, uid);
  const node = prepareFilter(state, filter, 'invalid_search_filter', { containsFilter });
  return node ? evaluateFilter(reader, state, node) : state.liveDocs();
}
