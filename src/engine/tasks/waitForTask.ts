/**
 * `waitForTask`: resolves when a task is finished. A task finished by this engine resolves at once (scheduler
 * event); one finished by another engine on the same database (another tab) is seen at the next poll. A task whose
 * batch failed without its failure being recorded (storage full) rejects with that batch's coded error rather than
 * waiting for the timeout: it stays enqueued and runs when storage accepts writes again.
 */
import { EngineError, TaskTimeoutError } from '../../errors/engineError.ts';
import type { Task, WaitOptions } from '../types/tasks.ts';
import type { Scheduler } from './scheduler.ts';
import type { TaskRecord } from './taskRecord.ts';

export async function waitForTask(
  getTask: (uid: number) => Promise<Task>,
  scheduler: Scheduler,
  uid: number,
  options: WaitOptions = {},
  finishedElsewhere: () => void = () => undefined,
): Promise<Task> {
  const timeout = options.timeout ?? 5000;
  const interval = options.interval ?? 50;
  const deadline = Date.now() + timeout;
  for (;;) {
    const t = await getTask(uid);
    if (t.status !== 'enqueued' && t.status !== 'processing') {
      // Finished by another tab's engine: its "committed" message may not have arrived yet, and a read right after
      // the wait must see the task's effects, so drop what this engine cached.
      if (!(await scheduler.lead(0))) finishedElsewhere();
      return t;
    }
    const stalled = t.status === 'enqueued' ? scheduler.stalledError(uid) : null;
    if (stalled) {
      throw new EngineError(stalled.code, `Task \`${uid}\` could not be processed and stays enqueued (it runs again once storage accepts writes): ${stalled.message}`);
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new TaskTimeoutError(uid, timeout);
    await new Promise<void>((resolve) => {
      // A plain (ref'd) timer: someone awaits this task, so the process stays up until it finishes or times out.
      const timer = setTimeout(done, Math.min(interval, remaining));
      const off = scheduler.onTaskFinished((f: TaskRecord) => {
        if (f.uid === uid) done();
      });
      function done() {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  }
}
