import { describe, expect, it } from 'vitest';
import { memoryEngine, idbEngine } from './helpers.ts';
import { MAX_LIVE_SEGMENTS } from '../../../src/engine/indexer/segmentMerger.ts';
import { mergeFacetColumns, type FacetColumn } from '../../../src/engine/storage/facetCodec.ts';
import { STORES } from '../../../src/engine/storage/schema.ts';
import type { Engine } from '../../../src/engine.ts';

async function liveSegments(e: Engine, uid: string): Promise<number> {
  e.ctx.catalog.invalidate();
  return (await e.ctx.catalog.state(uid)).segments.length;
}

async function until(cond: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
const doc = (id: number) => ({ id, text: `${words[id % 8]} ${words[(id * 3) % 8]} common`, n: id });

describe('segment compaction', () => {
  for (const [label, open] of [['memory', memoryEngine], ['indexeddb', () => idbEngine()]] as const) {
    it(`merges segments when idle, with the same search results (${label})`, async () => {
      const e = await open();
      const idx = e.index('d');
      // One batch (hence one segment) per task: wait for each.
      for (let b = 0; b < 7; b++) await idx.addDocuments(Array.from({ length: 20 }, (_, i) => doc(b * 20 + i))).waitTask();
      await idx.deleteDocuments([3, 45, 99]).waitTask();
      await idx.addDocuments([{ id: 7, text: 'replaced zulu' }]).waitTask();
      await until(async () => (await liveSegments(e, 'd')) <= MAX_LIVE_SEGMENTS);
      const ids = async (q: string) => (await idx.search(q, { limit: 200 })).hits.map((h) => h.id as number).sort((a, b) => a - b);
      const expected = (pred: (id: number) => boolean) => Array.from({ length: 140 }, (_, i) => i).filter((i) => ![3, 45, 99, 7].includes(i) && pred(i));
      expect(await ids('alpha')).toEqual(expected((i) => i % 8 === 0 || (i * 3) % 8 === 0));
      expect(await ids('common')).toEqual(expected(() => true));
      expect(await ids('zulu')).toEqual([7]);
      expect((await idx.getStats()).numberOfDocuments).toBe(137);
      // No segment data of merged segments is left behind.
      const [segs, tombs] = await e.ctx.store.read([STORES.segments, STORES.tombstones], async (tx) => [await tx.count(STORES.segments), await tx.count(STORES.tombstones)]);
      expect(segs).toBe(await liveSegments(e, 'd'));
      expect(tombs).toBeLessThanOrEqual(segs);
      await e.close();
    });
  }

  it('stops merging when a task arrives and runs the task first', async () => {
    const e = await memoryEngine();
    const idx = e.index('d');
    for (let b = 0; b < 8; b++) await idx.addDocuments(Array.from({ length: 200 }, (_, i) => doc(b * 200 + i))).waitTask();
    const t = await idx.addDocuments([{ id: 9999, text: 'urgent' }]).waitTask({ timeout: 3000 });
    expect(t.status).toBe('succeeded');
    expect((await idx.search('urgent')).hits.map((h) => h.id)).toEqual([9999]);
    await until(async () => (await liveSegments(e, 'd')) <= MAX_LIVE_SEGMENTS);
    expect((await idx.search('common', { limit: 1 })).estimatedTotalHits).toBe(1000);
    await e.close();
  });
});

describe('facet column merge', () => {
  const col = (over: Partial<FacetColumn>): FacetColumn => ({
    numbers: new Float64Array(0),
    numberDocs: [],
    strings: [],
    stringDocs: [],
    spellings: [],
    exists: new Uint32Array(0),
    isNull: new Uint32Array(0),
    isEmpty: new Uint32Array(0),
    geo: null,
    ...over,
  });
  it('unites values across segments, keeps spellings, drops tombstoned documents and emptied values', () => {
    const a = col({
      numbers: Float64Array.from([1, 5]),
      numberDocs: [Uint32Array.from([0, 2]), Uint32Array.from([1])],
      strings: ['red'],
      stringDocs: [Uint32Array.from([0, 1])],
      spellings: [[{ original: 'Red', docs: Uint32Array.from([0, 1]) }]],
      exists: Uint32Array.from([0, 1, 2]),
      geo: { docs: Uint32Array.from([2]), lat: Float64Array.from([1]), lng: Float64Array.from([2]) },
    });
    const b = col({
      numbers: Float64Array.from([1]),
      numberDocs: [Uint32Array.from([7])],
      strings: ['blue', 'red'],
      stringDocs: [Uint32Array.from([8]), Uint32Array.from([7])],
      spellings: [[{ original: 'Blue', docs: Uint32Array.from([8]) }], [{ original: 'RED', docs: Uint32Array.from([7]) }]],
      exists: Uint32Array.from([7, 8]),
    });
    const m = mergeFacetColumns([
      { column: a, tombstones: Uint32Array.from([1]) },
      { column: b, tombstones: new Uint32Array(0) },
    ]);
    expect(Array.from(m.numbers)).toEqual([1]);
    expect(m.numberDocs.map((d) => Array.from(d))).toEqual([[0, 2, 7]]);
    expect(m.strings).toEqual(['blue', 'red']);
    expect(m.spellings.map((sp) => sp.map((x) => [x.original, Array.from(x.docs)]))).toEqual([[['Blue', [8]]], [['Red', [0]], ['RED', [7]]]]);
    expect(m.stringDocs.map((d) => Array.from(d))).toEqual([[8], [0, 7]]);
    expect(Array.from(m.exists)).toEqual([0, 2, 7, 8]);
    expect(Array.from(m.geo!.docs)).toEqual([2]);
  });
});
