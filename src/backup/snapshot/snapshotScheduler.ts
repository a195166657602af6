import { EngineError } from '../../errors/engineError.ts';
import { setBackgroundTimeout } from '../../engine/util/backgroundTimer.ts';

/** Default interval of scheduled snapshots: one day, as Meilisearch's bare `--schedule-snapshot`. */
export const DEFAULT_SNAPSHOT_INTERVAL_SECONDS = 86_400;

/**
 * Interval in milliseconds for a `scheduleSnapshot` option: `true` → one day, a positive number of seconds → that,
 * `false`/`undefined` → `null` (no schedule). Anything else is a `bad_request`.
 *
 * @example
 * ```ts
 * snapshotIntervalMs(3600); // 3_600_000
 * ```
 */
export function snapshotIntervalMs(scheduleSnapshot: boolean | number | undefined): number | null {
  if (scheduleSnapshot === undefined || scheduleSnapshot === false) return null;
  if (scheduleSnapshot === true) return DEFAULT_SNAPSHOT_INTERVAL_SECONDS * 1000;
  if (typeof scheduleSnapshot === 'number' && Number.isFinite(scheduleSnapshot) && scheduleSnapshot > 0) {
    return scheduleSnapshot * 1000;
  }
  throw new EngineError('bad_request', `\`scheduleSnapshot\` must be \`true\`, \`false\` or a positive number of seconds; got \`${String(scheduleSnapshot)}\`.`);
}

export interface SnapshotSchedulerOptions {
  /** Milliseconds between two snapshots (see {@link snapshotIntervalMs}). */
  intervalMs: number;
  /** Asks for a snapshot (the engine enqueues a `snapshotCreation` task). */
  createSnapshot: () => unknown;
  /** Receives what `createSnapshot` throws or rejects with; the schedule goes on. */
  onError?: (error: unknown) => void;
}

/**
 * Calls `createSnapshot()` at launch ({@link SnapshotScheduler.start}), then `intervalMs` after each call settles,
 * until {@link SnapshotScheduler.dispose}. Calls never overlap.
 *
 * @example
 * ```ts
 * const interval = snapshotIntervalMs(options.scheduleSnapshot);
 * const scheduler = interval && new SnapshotScheduler({ intervalMs: interval, createSnapshot: () => engine.createSnapshot() });
 * scheduler?.start();
 * // on shutdown:
 * scheduler?.dispose();
 * ```
 */
export class SnapshotScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private disposed = false;

  constructor(private readonly options: SnapshotSchedulerOptions) {
    if (!(options.intervalMs > 0) || !Number.isFinite(options.intervalMs)) {
      throw new EngineError('bad_request', 'The snapshot interval must be a positive number of milliseconds.');
    }
  }

  /** Takes the first snapshot now and schedules the next ones. Calling it again does nothing. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    void this.tick();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.disposed) return;
    try {
      await this.options.createSnapshot();
    } catch (e) {
      this.options.onError?.(e);
    }
    // A schedule alone does not keep a Node script running (the next snapshot is taken if the process still is).
    if (!this.disposed) this.timer = setBackgroundTimeout(() => void this.tick(), this.options.intervalMs);
  }

  /** Stops the schedule; a call in progress finishes but no other follows. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
