import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SnapshotScheduler, snapshotIntervalMs } from '../../../src/backup/snapshot/snapshotScheduler.ts';

describe('snapshotIntervalMs', () => {
  test('true is one day, seconds become milliseconds, false/undefined mean no schedule', () => {
    expect(snapshotIntervalMs(true)).toBe(86_400_000);
    expect(snapshotIntervalMs(3600)).toBe(3_600_000);
    expect(snapshotIntervalMs(0.5)).toBe(500);
    expect(snapshotIntervalMs(false)).toBeNull();
    expect(snapshotIntervalMs(undefined)).toBeNull();
  });

  test.each([0, -1, NaN, Infinity])('refuses %s', (v) => {
    expect(() => snapshotIntervalMs(v)).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });
});

describe('SnapshotScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('first snapshot at launch, then one per interval, none after dispose', async () => {
    const createSnapshot = vi.fn(async () => undefined);
    const s = new SnapshotScheduler({ intervalMs: 1000, createSnapshot });
    expect(createSnapshot).not.toHaveBeenCalled();
    s.start();
    s.start(); // idempotent
    await vi.advanceTimersByTimeAsync(0);
    expect(createSnapshot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(createSnapshot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(createSnapshot).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(createSnapshot).toHaveBeenCalledTimes(5);
    s.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(createSnapshot).toHaveBeenCalledTimes(5);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('errors are reported and the schedule goes on', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const s = new SnapshotScheduler({
      intervalMs: 100,
      createSnapshot: () => {
        n++;
        if (n === 1) throw new Error('sync failure');
        if (n === 2) return Promise.reject(new Error('async failure'));
        return undefined;
      },
      onError: (e) => errors.push(e),
    });
    s.start();
    await vi.advanceTimersByTimeAsync(250);
    expect(n).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync failure', 'async failure']);
    s.dispose();
  });

  test('calls never overlap, and dispose during a call stops the schedule', async () => {
    let running = 0;
    let maxRunning = 0;
    let calls = 0;
    const s = new SnapshotScheduler({
      intervalMs: 10,
      createSnapshot: async () => {
        calls++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
      },
    });
    s.start();
    await vi.advanceTimersByTimeAsync(200);
    expect(maxRunning).toBe(1);
    expect(calls).toBe(4); // every 50 + 10 ms
    s.dispose();
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toBe(4);
  });

  test('a bad interval is refused', () => {
    expect(() => new SnapshotScheduler({ intervalMs: 0, createSnapshot: () => undefined })).toThrow();
  });
});
