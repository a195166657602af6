/** `createEngine` in Node: no options means memory (IndexedDB where it exists); invalid options are coded `bad_request`s. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createEngine } from '../../../src/engine.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { engineTracker, thrown } from './helpers.ts';

const { open, closeAll } = engineTracker();

afterEach(async () => {
  vi.unstubAllGlobals();
  await closeAll();
});

describe('createEngine options', () => {
  test('no options: memory without IndexedDB, IndexedDB where it exists', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const plain = await open();
    expect(plain.ctx.store.backend).toBe('memory');
    expect(plain.ctx.store.name).toBe('pocketsearch');
    await plain.index('movies').addDocuments([{ id: 1, title: 'Carol' }]).waitTask();
    expect((await plain.index('movies').search('carol')).hits).toEqual([{ id: 1, title: 'Carol' }]);
    vi.unstubAllGlobals();

    // helpers.ts loaded fake-indexeddb, as a Node app would to persist.
    expect(globalThis.indexedDB).toBeDefined();
    const persistent = await open({ name: `default-idb-${Date.now()}` });
    expect(persistent.ctx.store.backend).toBe('indexeddb');
  });

  test('invalid options are bad_request errors naming the option', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const cases: [unknown, RegExp][] = [
      ['memory', /takes an options object .* got `"memory"`/],
      [null, /got null/],
      [[], /got an array/],
      [{ storage: 'disk' }, /Invalid option `storage`: expected `memory` or `indexeddb`; got `"disk"`/],
      [{ stroage: 'memory' }, /Unknown option `stroage`: expected one of `storage`, `name`/],
      [{ name: '' }, /Invalid option `name`: expected a non-empty string/],
      [{ name: 42 }, /Invalid option `name`.*got a number/],
      [{ cacheBytes: -1 }, /Invalid option `cacheBytes`/],
      [{ cacheBytes: '8MB' }, /Invalid option `cacheBytes`/],
      [{ now: new Date() }, /Invalid option `now`/],
      [{ ignoreMissingDump: 'yes' }, /Invalid option `ignoreMissingDump`: expected a boolean/],
      [{ backupStorage: 'opfs' }, /Invalid option `backupStorage`: expected an object/],
      [{ storage: 'indexeddb' }, /`indexeddb` needs IndexedDB.*fake-indexeddb/],
    ];
    for (const [options, message] of cases) {
      const err = await thrown(() => createEngine(options as never));
      expect(err, JSON.stringify(options)).toBeInstanceOf(EngineError);
      expect(err.code).toBe('bad_request');
      expect(err.message).toMatch(message);
    }
    // Options left undefined (e.g. spread from a partial config) are fine.
    expect((await open({ storage: 'memory', name: undefined, unknownButUndefined: undefined } as never)).ctx.store.name).toBe('pocketsearch');
  });
});
