/**
 * Idle-time work of the scheduler: segment compaction. One merge per call, abandoned as soon as a task arrives
 * (its staged data is collected like a crashed batch's).
 */
import type { EngineContext } from '../engineContext.ts';
import { mergeSegments, pickSegmentsToMerge } from '../indexer/segmentMerger.ts';
import { collectStaging } from '../indexer/staging.ts';

/** Runs one compaction if some index needs it. Returns true if it changed something. */
export async function runMaintenance(ctx: EngineContext, shouldStop: () => boolean): Promise<boolean> {
  for (const record of await ctx.catalog.list()) {
    const state = await ctx.catalog.state(record.uid);
    const segments = pickSegmentsToMerge(state.segments);
    if (!segments) continue;
    const done = await mergeSegments(ctx.store, state, segments, { shouldStop, now: ctx.now });
    if (!done) {
      await collectStaging(ctx.store);
      return false;
    }
    ctx.onCommit([record.uid]);
    return true;
  }
  return false;
}
