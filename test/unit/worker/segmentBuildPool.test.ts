/**
 * The nested segment builders are a bonus: where the browser refuses to create them (a Content-Security-Policy
 * that throws, a missing file that fires `error`), the pool gives up and its jobs fail with plain errors, which
 * make the engine's thread build them (see parallelBuild.ts) — indexing never fails for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerSegmentPool } from '../../../src/worker/segmentBuildPool.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import type { SegmentJob } from '../../../src/engine/indexer/segmentJobs.ts';

const job = {} as SegmentJob;

/** Worker stand-ins: recorded, so that a test can fire their events or see them terminated. */
class RecordedWorker extends EventTarget {
  static made: RecordedWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  terminated = false;
  readonly url: string;
  constructor(url: URL | string) {
    super();
    this.url = String(url);
    RecordedWorker.made.push(this);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  RecordedWorker.made = [];
});

describe('WorkerSegmentPool', () => {
  it('starts module workers from a URL next to it (no blob:)', async () => {
    vi.stubGlobal('Worker', RecordedWorker);
    const pool = new WorkerSegmentPool(2);
    pool.warm();
    expect(RecordedWorker.made.map((w) => new URL(w.url).pathname.split('/').pop())).toEqual(['segmentBuildWorker.ts', 'segmentBuildWorker.ts']);
    expect(RecordedWorker.made.every((w) => !w.url.startsWith('blob:'))).toBe(true);
    pool.dispose();
    expect(RecordedWorker.made.every((w) => w.terminated)).toBe(true);
  });

  it('a worker the browser refuses to create (throws) breaks the pool: jobs fail with plain errors, size 0', async () => {
    let calls = 0;
    vi.stubGlobal(
      'Worker',
      class extends RecordedWorker {
        constructor(url: URL | string) {
          if (++calls === 2) throw new DOMException('Refused by the Content-Security-Policy', 'SecurityError');
          super(url);
        }
      },
    );
    const pool = new WorkerSegmentPool(2);
    expect(() => pool.warm()).not.toThrow();
    expect(pool.size).toBe(0);
    // The one started before the refusal is stopped.
    expect(RecordedWorker.made.map((w) => w.terminated)).toEqual([true]);
    const e = await pool.build(job).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(EngineError);
    pool.dispose();
  });

  it('a worker that fails to load (error event) breaks the pool and fails its pending jobs', async () => {
    vi.stubGlobal('Worker', RecordedWorker);
    const pool = new WorkerSegmentPool(1);
    const pending = pool.build(job).catch((err: unknown) => err);
    const [w] = RecordedWorker.made;
    w.onerror?.(new Event('error'));
    const e = await pending;
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(EngineError);
    expect(pool.size).toBe(0);
    expect(w.terminated).toBe(true);
    pool.dispose();
  });
});
