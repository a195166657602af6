/**
 * Test engines for the filters layer: a memory engine with one index, settings applied and documents
 * added, waiting for both tasks (and failing loudly if one did not succeed).
 */
import { expect } from 'vitest';
import { createEngine, type Engine } from '../../../../src/engine/engine.ts';
import type { SettingsUpdate } from '../../../../src/engine/types/settings.ts';
import type { Document } from '../../../../src/engine/types/indexes.ts';
import { EngineError } from '../../../../src/errors/engineError.ts';

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
