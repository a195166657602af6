/**
 * `createClient` never waits forever for a worker that cannot run: in Node it fails at once (use the engine), and
 * a worker that fails to load, runs another version or stays silent rejects with the coded `worker_unavailable`.
 * The "workers" here are MessageChannel ports, with Comlink on the other side as in a real worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { createClient, EngineError, ENGINE_VERSION } from '../../../src/index.ts';

interface FakeWorker {
  worker: Worker;
  terminated: () => boolean;
  fail(): void;
}

/** A worker whose script "runs" `api` (nothing answers without one). */
function fakeWorker(api?: object): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  if (api) Comlink.expose(api, port2);
  let terminated = false;
  const worker = Object.assign(port1, {
    terminate: () => {
      terminated = true;
      port1.close();
      port2.close();
    },
  });
  return {
    worker: worker as unknown as Worker,
    terminated: () => terminated,
    // What a browser does when the script is blocked or missing: an `error` event on the Worker.
    fail: () => port1.dispatchEvent(new Event('error')),
  };
}

async function rejection(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => {
      throw new Error('createClient resolved');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EngineError);
  return e as EngineError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createClient start-up', () => {
  it('in Node (no Worker) rejects with worker_unavailable pointing to createEngine', async () => {
    expect(typeof Worker).toBe('undefined');
    const e = await rejection(createClient({ name: 'node' }));
    expect(e.code).toBe('worker_unavailable');
    expect(e.httpStatus).toBe(500);
    expect(e.message).toContain('createEngine');
    expect(e.message).toContain("'pocketsearch/engine'");
  });

  it('a worker whose script fails to load rejects with worker_unavailable saying what to do, and is terminated', async () => {
    const fake = fakeWorker();
    const client = createClient({ worker: fake.worker });
    fake.fail();
    const e = await rejection(client);
    expect(e.code).toBe('worker_unavailable');
    expect(e.message).toContain('could not be loaded');
    expect(e.message).toContain('worker-src');
    expect(e.message).toContain('pocketsearch/worker');
    expect(e.message).toContain('createClient({ worker:');
    expect(fake.terminated()).toBe(true);
  });

  it('a worker of another pocketsearch version is refused', async () => {
    const fake = fakeWorker({ ready: () => '0.0.0-other' });
    const e = await rejection(createClient({ worker: fake.worker }));
    expect(e.code).toBe('worker_unavailable');
    expect(e.message).toContain(`pocketsearch 0.0.0-other and this page ${ENGINE_VERSION}`);
    expect(fake.terminated()).toBe(true);
  });

  it('a worker that never answers rejects once workerStartTimeout has passed', async () => {
    vi.useFakeTimers();
    const fake = fakeWorker();
    const client = createClient({ worker: fake.worker, workerStartTimeout: 1_000 });
    const settled = rejection(client);
    await vi.advanceTimersByTimeAsync(1_000);
    const e = await settled;
    expect(e.code).toBe('worker_unavailable');
    expect(e.message).toContain('did not answer within 1000 ms');
    expect(fake.terminated()).toBe(true);
  });

  it('once the worker answers, errors of the engine start-up come through unchanged', async () => {
    const fake = fakeWorker({
      ready: () => ENGINE_VERSION,
      init: () => {
        throw new EngineError('invalid_state', 'The database is being upgraded elsewhere.');
      },
    });
    const e = await rejection(createClient({ worker: fake.worker }));
    expect(e.code).toBe('invalid_state');
    expect(e.message).toBe('The database is being upgraded elsewhere.');
    expect(fake.terminated()).toBe(true);
  });
});
