/**
 * Segment builders in nested workers, so that an indexing batch uses more than one core: the engine's worker
 * builds some segments of a batch while these build the others (see `IndexWriter.indexDocuments`). Workers are
 * started on first use and stopped after a while without work (their memory is given back).
 *
 * The nested worker is a file of its own next to the engine's worker (`new URL('./segmentBuildWorker.js',
 * import.meta.url)`, rewritten from the source path by `scripts/build.mjs`), not a `blob:` URL, so that
 * `worker-src 'self'` allows it. Where it cannot start, the engine's thread builds every segment.
 */
import type { BuiltSegment } from '../engine/indexer/segmentBuilder.ts';
import type { SegmentBuildPool, SegmentJob } from '../engine/indexer/segmentJobs.ts';
import { EngineError } from '../errors/engineError.ts';
import { isErrorCode } from '../errors/errorCodes.ts';
import type { SegmentReply } from './segmentBuildWorker.ts';

/** Idle workers are stopped after this long. */
const IDLE_MS = 15_000;

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve(b: BuiltSegment): void; reject(e: unknown): void }>;
}

/** One builder per core beyond the engine's own, at most 3; none where workers cannot start workers. */
export function defaultPoolSize(): number {
  if (typeof Worker === 'undefined') return 0;
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(0, Math.min(3, cores - 1));
}

export class WorkerSegmentPool implements SegmentBuildPool {
  private slots: Slot[] = [];
  private next = 0;
  private ids = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private broken = false;

  constructor(private readonly wanted = defaultPoolSize()) {}

  get size(): number {
    return this.broken ? 0 : this.wanted;
  }

  warm(): void {
    if (this.broken || this.wanted === 0) return;
    this.ensureSlots();
    this.scheduleIdle();
  }

  build(job: SegmentJob): Promise<BuiltSegment> {
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = undefined;
    this.ensureSlots();
    // Plain errors make the caller build the job on the engine's thread.
    if (this.broken) return Promise.reject(new Error('segment builders unavailable'));
    // Callers keep at most `size` jobs in flight: round robin gives each worker one.
    const slot = this.slots[this.next++ % this.slots.length];
    const id = ++this.ids;
    return new Promise<BuiltSegment>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job });
    }).finally(() => this.scheduleIdle());
  }

  /** Stops every worker (pending jobs fail and are built by the engine's thread). */
  dispose(): void {
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = undefined;
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) {
      s.worker.terminate();
      for (const p of s.pending.values()) p.reject(new Error('segment builder stopped'));
    }
  }

  /** Starts the workers if none runs; a worker the browser refuses to create (CSP) breaks the pool. */
  private ensureSlots(): void {
    if (this.slots.length > 0 || this.broken) return;
    try {
      for (let i = 0; i < this.wanted; i++) this.spawn();
    } catch {
      this.broken = true;
      this.dispose();
    }
  }

  private spawn(): void {
    const worker = new Worker(new URL('./segmentBuildWorker.ts', import.meta.url), { type: 'module', name: 'pocketsearch-segments' });
    const slot: Slot = { worker, pending: new Map() };
    // Started before a throw of a later spawn: kept here so that dispose() stops it.
    this.slots.push(slot);
    slot.worker.onmessage = (e: MessageEvent<SegmentReply>) => {
      const reply = e.data;
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if ('built' in reply) p.resolve(reply.built);
      else if (reply.error.code && isErrorCode(reply.error.code)) p.reject(new EngineError(reply.error.code, reply.error.message));
      else p.reject(new Error(reply.error.message));
    };
    slot.worker.onerror = (e) => {
      // The worker could not start or crashed: stop using the pool, the engine's thread builds everything.
      e.preventDefault();
      this.broken = true;
      this.dispose();
    };
  }

  private scheduleIdle(): void {
    if (this.slots.some((s) => s.pending.size > 0)) return;
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.dispose(), IDLE_MS);
  }
}
