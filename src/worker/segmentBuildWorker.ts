/**
 * A nested worker of the engine's worker: builds segments (`SegmentJob` → `BuiltSegment`) for
 * {@link WorkerSegmentPool}. Segment buffers are transferred back, not copied.
 */
import { buildSegment, segmentTransferables, type SegmentJob } from '../engine/indexer/segmentJobs.ts';
import { EngineError } from '../errors/engineError.ts';

/** What this worker posts back: the segment, or the error (an `EngineError` keeps its code). */
export type SegmentReply = { id: number; built: ReturnType<typeof buildSegment> } | { id: number; error: { code?: string; message: string } };

const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; job: SegmentJob }>) => void) | null;
  postMessage(message: SegmentReply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, job } = e.data;
  try {
    const built = buildSegment(job);
    scope.postMessage({ id, built }, segmentTransferables(built));
  } catch (err) {
    scope.postMessage({ id, error: err instanceof EngineError ? { code: err.code, message: err.message } : { message: String((err as Error)?.message ?? err) } });
  }
};
