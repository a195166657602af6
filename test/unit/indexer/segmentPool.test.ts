import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { buildSegment, FieldsDiverged, type SegmentBuildPool, type SegmentJob } from '../../../src/engine/indexer/segmentJobs.ts';
import type { BuiltSegment } from '../../../src/engine/indexer/segmentBuilder.ts';

let dbs = 0;
/** Engines on one database name share one scheduler: each test engine gets its own. */
const open = (segmentPool?: SegmentBuildPool) => createEngine({ storage: 'memory', name: `segment-pool-${dbs++}`, segmentPool });

/** A pool that builds in this thread, after a structured clone of the job (as a worker receives it). */
class ClonePool implements SegmentBuildPool {
  jobs = 0;
  constructor(
    readonly size: number,
    private readonly fail?: (job: SegmentJob) => Error | undefined,
  ) {}

  async build(job: SegmentJob): Promise<BuiltSegment> {
    this.jobs++;
    await new Promise((r) => setTimeout(r, 1));
    const copy = structuredClone(job);
    const error = this.fail?.(copy);
    if (error) throw error;
    return structuredClone(buildSegment(copy));
  }
}

const docs = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, title: `word${(from + i) % 97} common ${i % 13 === 0 ? 'rare' : 'often'}`, tag: `t${i % 5}`, n: i }));

async function fill(e: Engine): Promise<void> {
  const idx = e.index('p');
  await idx.updateSettings({ filterableAttributes: ['tag', 'n'] }).waitTask();
  const t = await idx.addDocuments(docs(5_000)).waitTask({ timeout: 60_000 });
  expect(t.status).toBe('succeeded');
}

async function answers(e: Engine): Promise<unknown[]> {
  const idx = e.index('p');
  const out: unknown[] = [];
  for (const q of ['rare', 'word7 common', 'wor', 'comon', 'often']) {
    const r = await idx.search(q, { filter: 'tag = t2 AND n > 100', facets: ['tag'], limit: 30 });
    out.push([r.hits, r.estimatedTotalHits, r.facetDistribution]);
  }
  return out;
}

describe('segments built by a pool', () => {
  it('index exactly as segments built in-thread (same hits, totals, facets)', async () => {
    const alone = await open();
    await fill(alone);
    const pool = new ClonePool(2);
    const pooled = await open(pool);
    await fill(pooled);
    expect(pool.jobs).toBeGreaterThan(0);
    expect(await answers(pooled)).toEqual(await answers(alone));
    expect((await pooled.index('p').getStats()).numberOfDocuments).toBe(5_000);
    await alone.close();
    await pooled.close();
  });

  it('build in-thread what the pool fails for other reasons than the documents', async () => {
    const alone = await open();
    await fill(alone);
    let n = 0;
    const pool = new ClonePool(1, () => (n++ % 2 === 0 ? new FieldsDiverged() : new Error('worker gone')));
    const pooled = await open(pool);
    await fill(pooled);
    expect(await answers(pooled)).toEqual(await answers(alone));
    await alone.close();
    await pooled.close();
  });

  it('fail the task with the document error a pool worker met (invalid _geo), changing nothing', async () => {
    const e = await open(new ClonePool(1));
    const idx = e.index('g');
    await idx.updateFilterableAttributes(['_geo']).waitTask();
    const bad = docs(4_000).map((d, i) => (i === 3_500 ? { ...d, _geo: { lat: 'x', lng: 2 } } : { ...d, _geo: { lat: 1, lng: 2 } }));
    const t = await idx.addDocuments(bad).waitTask({ timeout: 60_000 });
    expect(t.status).toBe('failed');
    expect(t.error?.code).toBe('invalid_document_geo_field');
    expect((await idx.getStats()).numberOfDocuments).toBe(0);
    await e.close();
  });
});
