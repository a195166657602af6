/**
 * The batch that could neither be applied nor recorded as failed (storage full or broken). Its tasks stay enqueued —
 * nothing is lost — and it is retried after 0.5 s, 1 s, 2 s… up to 30 s rather than rebuilt in a loop. Out of space,
 * the retry does not apply the batch again (its staged writes would fill the room again, leaving none to say it
 * failed): it only records the failure, once storage takes writes again.
 */
import { toEngineError, type EngineError } from '../../errors/engineError.ts';
import type { EnqueuedSummary } from './taskQueue.ts';

const OUT_OF_SPACE = 'no_space_left_on_device';

export class StalledBatch {
  private stalled: { uids: ReadonlySet<number>; error: EngineError } | null = null;
  private attempts = 0;

  /** A batch was committed: nothing is stalled. */
  clear(): void {
    this.stalled = null;
    this.attempts = 0;
  }

  /** `uids` could not even be recorded as failed, because of `e`: returns the delay before the next attempt. */
  stall(uids: readonly number[], e: unknown): number {
    this.stalled = { uids: new Set(uids), error: toEngineError(e) };
    this.attempts++;
    return Math.min(30_000, 500 * 2 ** (this.attempts - 1));
  }

  /** Why `uid` is still enqueued, once the retry (which only records the failure) failed too; or null. */
  errorFor(uid: number): EngineError | null {
    return this.attempts >= 2 && this.stalled?.uids.has(uid) ? this.stalled.error : null;
  }

  /** Out of space last time: the stalled batch comes next, alone (tasks registered since are not failed with it). */
  candidates(summaries: EnqueuedSummary[]): EnqueuedSummary[] {
    const uids = this.stalled?.error.code === OUT_OF_SPACE ? this.stalled.uids : null;
    const same = uids ? summaries.filter((t) => uids.has(t.uid)) : [];
    return same.length > 0 ? same : summaries;
  }

  /** A batch of `uids` starts: the error to fail it with instead of applying it (out of space last time), or null. */
  begin(uids: readonly number[]): EngineError | null {
    const s = this.stalled;
    this.stalled = null; // tried again: its tasks show as processing, then finished or stalled anew
    return s?.error.code === OUT_OF_SPACE && uids.every((u) => s.uids.has(u)) ? s.error : null;
  }
}
