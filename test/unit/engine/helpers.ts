import 'fake-indexeddb/auto';
import { createEngine, type Engine } from '../../../src/engine.ts';
import type { EngineError } from '../../../src/errors/engineError.ts';

let n = 0;

/** A fresh in-memory engine. */
export function memoryEngine(): Promise<Engine> {
  return createEngine({ storage: 'memory', name: `mem-${n++}` });
}

/** A fresh engine over fake-indexeddb (a unique database name unless given). */
export function idbEngine(name = `idb-${Date.now()}-${n++}`): Promise<Engine> {
  return createEngine({ storage: 'indexeddb', name });
}

/** Engines a test file opens with `open(…)` (createEngine's options) and closes with `closeAll()` after each test. */
export function engineTracker(): { open(...args: Parameters<typeof createEngine>): Promise<Engine>; closeAll(): Promise<void> } {
  const engines: Engine[] = [];
  return {
    async open(...args) {
      const engine = await createEngine(...args);
      engines.push(engine);
      return engine;
    },
    async closeAll() {
      await Promise.all(engines.splice(0).map((e) => e.close()));
    },
  };
}

/** The EngineError thrown by `fn` (fails the test if nothing is thrown). */
export async function thrown(fn: () => unknown): Promise<EngineError> {
  try {
    await fn();
  } catch (e) {
    return e as EngineError;
  }
  throw new Error('expected an error');
}

export const movies = [
  { id: 1, title: 'Carol', genres: ['Romance', 'Drama'], year: 2015 },
  { id: 2, title: 'Wonder Woman', genres: ['Action', 'Adventure'], year: 2017 },
  { id: 3, title: 'Life of Pi', genres: ['Adventure', 'Drama'], year: 2012 },
  { id: 4, title: 'Mad Max: Fury Road', genres: ['Adventure', 'Science Fiction'], year: 2015 },
  { id: 5, title: 'Moana', genres: ['Fantasy', 'Action'], year: 2016 },
];
