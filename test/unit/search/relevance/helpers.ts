/** A memory engine with one index, for relevance tests: documents and settings in, hit ids out. */
import { afterEach } from 'vitest';
import { createEngine, type Engine } from '../../../../src/engine.ts';
import type { SearchParams, SearchResponse } from '../../../../src/engine/types/search.ts';

let n = 0;
const open: Engine[] = [];

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

export interface TestIndex {
  engine: Engine;
  search(q: string | null, params?: SearchParams): Promise<SearchResponse>;
  /** `id` of each hit, in order */
  ids(q: string | null, params?: SearchParams): Promise<unknown[]>;
  update(settings: Record<string, unknown>): Promise<void>;
}

export async function indexWith(docs: Record<string, unknown>[], settings: Record<string, unknown> = {}): Promise<TestIndex> {
  const engine = await createEngine({ storage: 'memory', name: `relevance-${n++}` });
  open.push(engine);
  const index = engine.index('test');
  await index.updateSettings(settings).waitTask();
  const task = await index.addDocuments(docs, { primaryKey: 'id' }).waitTask();
  if (task.status !== 'succeeded') throw new Error(`indexing failed: ${JSON.stringify(task.error)}`);
  const search = (q: string | null, params: SearchParams = {}) => index.search(q, params);
  return {
    engine,
    search,
    ids: async (q, params) => (await search(q, params)).hits.map((h) => h.id),
    update: async (s) => {
      const t = await index.updateSettings(s).waitTask();
      if (t.status !== 'succeeded') throw new Error(`settings failed: ${JSON.stringify(t.error)}`);
    },
  };
}
