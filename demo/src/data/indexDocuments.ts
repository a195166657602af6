/** Sends documents in batches (one task each) and reports how many tasks are done. */
import type { ClientIndex, DocumentOptions, Task } from 'pocketsearch';

export const BATCH_SIZE = 1000;

export interface IndexingResult {
  tasks: Task[];
  failed: Task[];
}

export async function indexDocuments(
  index: ClientIndex,
  documents: Record<string, unknown>[],
  options: DocumentOptions,
  onProgress: (done: number, total: number) => void,
): Promise<IndexingResult> {
  const pending = index.addDocumentsInBatches(documents, BATCH_SIZE, options);
  const tasks: Task[] = [];
  onProgress(0, pending.length);
  for (const p of pending) {
    tasks.push(await p.waitTask({ timeout: 600_000, interval: 50 }));
    onProgress(tasks.length, pending.length);
  }
  return { tasks, failed: tasks.filter((t) => t.status !== 'succeeded') };
}
