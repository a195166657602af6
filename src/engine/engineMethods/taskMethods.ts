/** The task methods of the engine: reading tasks and batches, cancelling and deleting tasks, waiting for them. */
import { EngineError } from '../../errors/engineError.ts';
// `Engine` resolves `{@link Engine.waitForTask}` where typedoc copies these comments (the page client's `PocketClient`).
import type { Engine, EnqueuedTaskPromise } from '../engine.ts';
import type { EngineContext } from '../engineContext.ts';
import type { Scheduler } from '../tasks/scheduler.ts';
import { waitForTask } from '../tasks/waitForTask.ts';
import type { Batch, BatchesResults, EnqueuedTask, Task, TasksFilter, TasksQuery, TasksResults, WaitOptions } from '../types/tasks.ts';
import * as write from '../api/writeApi.ts';
import * as read from '../api/readApi.ts';

/**
 * The task methods of {@link Engine}: every write enqueues a task, and these read, cancel, delete and wait for
 * them. {@link EngineBackupMethods} extends it with the dump and snapshot methods, and {@link Engine} extends that.
 *
 * @example
 * ```ts
 * const { taskUid } = await engine.index('movies').addDocuments([{ id: 1, title: 'Carol' }]);
 * const task = await engine.waitForTask(taskUid);
 * console.log(task.status, (await engine.getTasks({ indexUids: ['movies'] })).total);
 * ```
 */
export abstract class EngineTaskMethods {
  /** @internal */
  abstract readonly ctx: EngineContext;
  /** @internal */
  abstract readonly scheduler: Scheduler;
  /** @internal What a write needs; throws once the engine is closed. */
  protected abstract get deps(): write.WriteDeps;

  /** @internal Wraps a write so that it also offers `waitTask()`. */
  enqueued(p: Promise<EnqueuedTask>): EnqueuedTaskPromise {
    const out = p as EnqueuedTaskPromise;
    out.waitTask = (options?: WaitOptions) => p.then((t) => this.waitForTask(t.taskUid, options));
    return out;
  }

  /**
   * One task (`task_not_found` otherwise).
   *
   * @example
   * ```ts
   * const { taskUid } = await engine.index('movies').addDocuments([{ id: 1 }]);
   * const task = await engine.getTask(taskUid); // status 'enqueued', 'processing', 'succeeded', 'failed' or 'canceled'
   * ```
   */
  getTask(uid: number): Promise<Task> {
    return read.getTask(this.ctx, uid);
  }

  /**
   * Tasks, newest first, filtered like `GET /tasks` (`limit` default 20; `next` is the `from` of the next page).
   *
   * @example
   * ```ts
   * const failed = await engine.getTasks({ statuses: ['failed'], indexUids: ['movies'], limit: 50 });
   * for (const t of failed.results) console.log(t.uid, t.type, t.error?.code);
   * ```
   */
  getTasks(query?: TasksQuery): Promise<TasksResults> {
    return read.getTasks(this.ctx, query);
  }

  /**
   * One batch: the tasks processed together, with stats and progress (`batch_not_found` otherwise).
   *
   * @example
   * ```ts
   * const task = await engine.index('movies').addDocuments([{ id: 1 }]).waitTask();
   * const batch = await engine.getBatch(task.batchUid!);
   * ```
   */
  getBatch(uid: number): Promise<Batch> {
    return read.getBatch(this.ctx, this.scheduler, uid);
  }

  /**
   * Batches, newest first, filtered like tasks.
   *
   * @example
   * ```ts
   * const { results } = await engine.getBatches({ limit: 10 });
   * ```
   */
  getBatches(query?: TasksQuery): Promise<BatchesResults> {
    return read.getBatches(this.ctx, this.scheduler, query);
  }

  /**
   * The documents of an unfinished `documentAdditionOrUpdate` task (`GET /tasks/{uid}/documents`):
   * `task_not_found` for an unknown task, `task_file_not_found` once it is finished or for other task types.
   *
   * @example
   * ```ts
   * const { taskUid } = await engine.index('movies').addDocuments([{ id: 1 }]);
   * const docs = await engine.getTaskDocuments(taskUid); // [{ id: 1 }] until the task is processed
   * ```
   */
  async getTaskDocuments(taskUid: number): Promise<import('../types/indexes.ts').Document[]> {
    const task = await this.getTask(taskUid);
    if (task.type !== 'documentAdditionOrUpdate' || (task.status !== 'enqueued' && task.status !== 'processing')) {
      throw new EngineError(
        'task_file_not_found',
        `Task \`${task.uid}\` does not contain any documents. Only \`documentAdditionOrUpdate\` tasks with the statuses \`enqueued\` or \`processing\` contain documents`,
      );
    }
    const out: import('../types/indexes.ts').Document[] = [];
    for await (const chunk of this.ctx.queue.payload(task.uid)) out.push(...chunk);
    return out;
  }

  /**
   * Enqueues a `taskCancelation` task that cancels the enqueued or processing tasks matching the filter.
   *
   * @example
   * ```ts
   * await engine.cancelTasks({ statuses: ['enqueued'], indexUids: ['movies'] }).waitTask();
   * ```
   */
  cancelTasks(filter: TasksFilter, queryString?: string): EnqueuedTaskPromise {
    return this.enqueued(write.cancelOrDeleteTasks(this.deps, 'cancel', filter, queryString));
  }

  /**
   * Enqueues a `taskDeletion` task that deletes finished tasks matching the filter from the history.
   *
   * @example
   * ```ts
   * await engine.deleteTasks({ statuses: ['succeeded', 'failed', 'canceled'] }).waitTask();
   * ```
   */
  deleteTasks(filter: TasksFilter, queryString?: string): EnqueuedTaskPromise {
    return this.enqueued(write.cancelOrDeleteTasks(this.deps, 'delete', filter, queryString));
  }

  /**
   * Resolves when the task is finished (succeeded, failed or canceled); rejects with a {@link TaskTimeoutError}
   * after `timeout` ms (default 5000). A failed task resolves: look at `status` and `error`.
   *
   * @example
   * ```ts
   * const { taskUid } = await engine.index('movies').addDocuments(movies);
   * const task = await engine.waitForTask(taskUid, { timeout: 60_000 });
   * if (task.status === 'failed') console.error(task.error);
   * // shorter: await engine.index('movies').addDocuments(movies).waitTask({ timeout: 60_000 });
   * ```
   */
  waitForTask(taskUid: number | EnqueuedTask, options: WaitOptions = {}): Promise<Task> {
    return waitForTask((uid) => this.getTask(uid), this.scheduler, typeof taskUid === 'number' ? taskUid : taskUid.taskUid, options, () => this.ctx.catalog.invalidate());
  }

  /**
   * {@link Engine.waitForTask} for several tasks, in order.
   *
   * @example
   * ```ts
   * const enqueued = await Promise.all(engine.index('movies').addDocumentsInBatches(movies, 10_000));
   * const tasks = await engine.waitForTasks(enqueued, { timeout: 120_000 });
   * ```
   */
  async waitForTasks(taskUids: (number | EnqueuedTask)[], options: WaitOptions = {}): Promise<Task[]> {
    const out: Task[] = [];
    for (const t of taskUids) out.push(await this.waitForTask(t, options));
    return out;
  }

  /**
   * Resolves when every task this engine can process is finished and background segment compaction is done
   * (not a Meilisearch method: useful before measuring, or before closing a page that just wrote a lot).
   *
   * @example
   * ```ts
   * engine.index('movies').addDocuments(movies);
   * await engine.waitForIdle();
   * ```
   */
  async waitForIdle(): Promise<void> {
    await this.scheduler.waitForIdle();
  }
}
