import { describe, expect, it } from 'vitest';
import { buildInOrder } from '../../../src/engine/indexer/parallelBuild.ts';
import type { BuiltSegment } from '../../../src/engine/indexer/segmentBuilder.ts';
import { EngineError } from '../../../src/errors/engineError.ts';

/** A fake segment naming who built which job. */
const seg = (job: number, by: string) => ({ record: { seg: job, words: by }, blocks: [], facets: [], bytes: 0 }) as unknown as BuiltSegment;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function collect(gen: AsyncGenerator<BuiltSegment>): Promise<string[]> {
  const out: string[] = [];
  for await (const b of gen) out.push(`${b.record.seg}:${b.record.words}`);
  return out;
}

describe('buildInOrder', () => {
  it('hands over every job in order, built here and in the pool at once', async () => {
    const local = async (j: number) => {
      await sleep(5);
      return seg(j, 'here');
    };
    const pool = { size: 2, build: async (j: number) => (await sleep(5), seg(j, 'pool')) };
    const got = await collect(buildInOrder([0, 1, 2, 3, 4, 5], local, pool));
    expect(got.map((g) => Number(g.split(':')[0]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(got.some((g) => g.endsWith('pool'))).toBe(true);
    expect(got.some((g) => g.endsWith('here'))).toBe(true);
  });

  it('builds here, once everything is taken, a job a starved pool worker still holds', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    const pool = { size: 1, build: async (j: number) => (await stuck, seg(j, 'pool')) };
    const local = async (j: number) => (await sleep(1), seg(j, 'here'));
    const got = await collect(buildInOrder([0, 1, 2, 3], local, pool));
    expect(got).toEqual(['0:here', '1:here', '2:here', '3:here']);
    release();
  });

  it('builds here what the pool fails for another reason, and fails on an EngineError', async () => {
    const local = async (j: number) => (await sleep(1), seg(j, 'here'));
    const flaky = { size: 1, build: async () => Promise.reject(new Error('worker gone')) };
    expect(await collect(buildInOrder([0, 1, 2], local, flaky))).toEqual(['0:here', '1:here', '2:here']);
    const bad = { size: 1, build: async () => Promise.reject(new EngineError('invalid_document_geo_field', 'bad geo')) };
    const slow = async (j: number) => (await sleep(20), seg(j, 'here'));
    await expect(collect(buildInOrder([0, 1], slow, bad))).rejects.toMatchObject({ code: 'invalid_document_geo_field' });
  });

  it('stops taking jobs when the consumer stops', async () => {
    const built: number[] = [];
    const local = async (j: number, stop: () => boolean) => {
      await sleep(2);
      if (stop()) return null;
      built.push(j);
      return seg(j, 'here');
    };
    const gen = buildInOrder([0, 1, 2, 3, 4, 5, 6, 7], local);
    for await (const b of gen) if (b.record.seg === 1) break;
    expect(built.length).toBeLessThan(8);
  });
});
