/**
 * Builds the segments of one batch with this thread and a pool of workers at once, handing them over in order.
 *
 * Jobs are taken dynamically: this thread and each pool worker take the next job whenever they are free. Once
 * every job is taken, the jobs still running in the pool are built here as well and the first result wins: a pool
 * worker starved of CPU (a loaded machine) can then not make the batch slower than building alone. A pool failure
 * that is not the documents' fault (a worker gone, a field missing from its map) is built here too; an
 * `EngineError` (a document's fault, e.g. an invalid `_geo`) fails the batch as it would in-thread.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { BuiltSegment } from './segmentBuilder.ts';

/** Builds a job in this thread; returns null when `stop()` turned true meanwhile. */
export type LocalBuild<J> = (job: J, stop: () => boolean) => Promise<BuiltSegment | null>;

export interface RemoteBuilders<J> {
  readonly size: number;
  build(job: J): Promise<BuiltSegment>;
}

interface Slot<J> {
  job: J;
  where: 'queued' | 'here' | 'pool';
  settled: boolean;
  result: Promise<BuiltSegment>;
  settle(value: BuiltSegment | null, error?: unknown): void;
}

function slot<J>(job: J): Slot<J> {
  let resolve!: (v: BuiltSegment) => void;
  let reject!: (e: unknown) => void;
  const result = new Promise<BuiltSegment>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  result.catch(() => undefined); // awaited in order by the consumer; never an unhandled rejection
  const s: Slot<J> = {
    job,
    where: 'queued',
    settled: false,
    result,
    settle(value, error) {
      if (s.settled || (value === null && error === undefined)) return;
      s.settled = true;
      if (value) resolve(value);
      else reject(error);
    },
  };
  return s;
}

/**
 * Yields the built segment of each job, in job order. `onPoolBuild(ms)` reports each pool job's time. Stopping
 * the iteration early (the caller throws) stops taking jobs; jobs running in the pool finish and are dropped.
 */
export async function* buildInOrder<J>(jobs: readonly J[], local: LocalBuild<J>, pool?: RemoteBuilders<J>, onPoolBuild?: (ms: number) => void): AsyncGenerator<BuiltSegment> {
  const slots = jobs.map(slot);
  let next = 0;
  let stopped = false;
  /** pool jobs that failed for another reason than their documents: this thread builds them */
  const retry: Slot<J>[] = [];
  const take = (): Slot<J> | undefined => (stopped ? undefined : next < slots.length ? slots[next++] : retry.shift());
  const buildHere = async (s: Slot<J>) => {
    s.where = 'here';
    try {
      s.settle(await local(s.job, () => s.settled || stopped));
    } catch (e) {
      s.settle(null, e);
    }
  };
  let hereDone = false;
  const here = (async () => {
    for (let s = take(); s; s = take()) await buildHere(s);
    hereDone = true;
  })();
  const takeFresh = (): Slot<J> | undefined => (stopped || next >= slots.length ? undefined : slots[next++]);
  const poolRunner = async (remote: RemoteBuilders<J>) => {
    for (let s = takeFresh(); s; s = takeFresh()) {
      s.where = 'pool';
      const t = performance.now();
      try {
        s.settle(await remote.build(s.job));
        onPoolBuild?.(performance.now() - t);
      } catch (e) {
        if (e instanceof EngineError) s.settle(null, e);
        else if (!s.settled) {
          s.where = 'queued';
          retry.push(s);
        }
      }
    }
  };
  if (pool) for (let w = 0; w < pool.size; w++) void poolRunner(pool);
  try {
    for (const s of slots) {
      while (!s.settled) {
        if (hereDone) {
          // Every job is taken: build here what the pool still holds (the first result wins).
          if (s.where !== 'here') await buildHere(s);
          break;
        }
        await Promise.race([s.result.catch(() => undefined), here]);
      }
      yield await s.result;
    }
  } finally {
    stopped = true;
    // This thread's runner stops at its next check; pool jobs still running finish in their workers and are
    // dropped (waiting for a starved worker would undo the point of building its job here).
    await here;
  }
}
