/** Processes consecutive settings updates of one index, then rebuilds the index once if they require it. */
import { toEngineError } from '../../../errors/engineError.ts';
import { STORES } from '../../storage/schema.ts';
import { applySettingsUpdate, checkSettingsForProcessing, needsReindex } from '../../settings/applySettings.ts';
import { DOC_BLOCK, type DocBlock } from '../../documents/documentStore.ts';
import { SEGMENT_CHUNK_DOCS, type DocToIndex, type IndexWriter } from '../../indexer/indexWriter.ts';
import { indexNotFound } from '../../indexes/indexUid.ts';
import { BatchAborted, failed, succeeded, type BatchOutcome, type BatchRun, type TaskResult } from '../batch.ts';
import { openIndexWriter } from './openIndexWriter.ts';

/** Re-indexes every stored document of the writer's index into fresh segments, block by block. */
export async function reindexAll(run: BatchRun, writer: IndexWriter): Promise<void> {
  writer.dropAllSegments();
  const ix = writer.ix;
  const total = writer.stats.numberOfDocuments;
  const blocksPerRead = Math.ceil(SEGMENT_CHUNK_DOCS / DOC_BLOCK);
  let done = 0;
  let after: number | undefined;
  for (;;) {
    run.checkpoint();
    const lower = after === undefined ? [ix] : [ix, after];
    const entries = await writer.store.read([STORES.documents], (tx) =>
      tx.entries<DocBlock>(STORES.documents, { range: { lower, upper: [ix, []], lowerOpen: after !== undefined }, limit: blocksPerRead }),
    );
    if (entries.length === 0) break;
    const docs: DocToIndex[] = [];
    for (const [key, block] of entries) {
      const b = (key as number[])[1];
      block.docs.forEach((json, slot) => {
        if (json !== null) docs.push({ docid: b * DOC_BLOCK + slot, id: block.ids[slot]!, doc: JSON.parse(json) });
      });
    }
    await writer.indexDocuments(docs);
    done += docs.length;
    after = (entries[entries.length - 1][0] as number[])[1];
    run.progress({ currentStep: 'reindexing documents', finished: done, total });
  }
}

export async function processSettingsBatch(run: BatchRun, indexUid: string): Promise<BatchOutcome> {
  const results = new Map<number, TaskResult>();
  let writer = await openIndexWriter(run.ctx, indexUid, null);
  const before = writer ? structuredClone(writer.settings) : null;
  for (const task of run.tasks) {
    if (task.kind.type !== 'settingsUpdate') continue;
    try {
      if (!writer) {
        if (!task.kind.allowIndexCreation) throw indexNotFound(indexUid);
        writer = await openIndexWriter(run.ctx, indexUid, { primaryKey: null });
      }
      const next = applySettingsUpdate(writer!.settings, task.kind.settings);
      checkSettingsForProcessing(next);
      writer!.settings = next;
      results.set(task.uid, succeeded(task.details));
    } catch (e) {
      if (e instanceof BatchAborted) throw e;
      results.set(task.uid, failed(task.details, toEngineError(e).toJSON()));
    }
  }
  if (writer && before && writer.stats.numberOfDocuments > 0 && needsReindex(before, writer.settings)) await reindexAll(run, writer);
  const anySucceeded = [...results.values()].some((r) => r.status === 'succeeded');
  return { results, writers: writer && (anySucceeded || writer.isNew) ? [writer] : [], changed: [indexUid] };
}
