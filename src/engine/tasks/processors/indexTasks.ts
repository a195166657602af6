/** Index creation, update (primary key, rename), deletion and swap: each processed alone. */
import { EngineError, toEngineError } from '../../../errors/engineError.ts';
import { STORES } from '../../storage/schema.ts';
import type { WriteTx } from '../../storage/store.ts';
import type { IndexRecord } from '../../indexes/indexRecords.ts';
import { indexAlreadyExists, indexNotFound } from '../../indexes/indexUid.ts';
import { deleteIndexData } from '../../indexer/segmentData.ts';
import { primaryKeyAlreadyExists } from '../../documents/primaryKey.ts';
import { failedDetails, indexUpdateDetails } from '../taskDetails.ts';
import type { TaskRecord } from '../taskRecord.ts';
import { failed, succeeded, type BatchOutcome, type BatchRun, type TaskResult } from '../batch.ts';
import { openIndexWriter } from './openIndexWriter.ts';

function single(task: TaskRecord, result: TaskResult, extra: Omit<BatchOutcome, 'results'>): BatchOutcome {
  return { results: new Map([[task.uid, result]]), ...extra };
}

/** Rewrites the indexUid of every task of the renamed/swapped indexes (Meilisearch keeps history attached to the data). */
async function remapTaskIndexUids(tx: WriteTx, mapping: Map<string, string>, except: number): Promise<void> {
  const tasks = await tx.getAll<TaskRecord>(STORES.tasks);
  for (const t of tasks) {
    if (t.uid === except || t.indexUid === null) continue;
    const to = mapping.get(t.indexUid);
    if (to !== undefined) tx.put(STORES.tasks, t.uid, { ...t, indexUid: to });
  }
}

export async function processIndexTask(run: BatchRun): Promise<BatchOutcome> {
  const task = run.tasks[0];
  const { ctx } = run;
  const kind = task.kind;
  const uid = task.indexUid;
  try {
    switch (kind.type) {
      case 'indexCreation': {
        if (await ctx.catalog.record(uid!)) throw indexAlreadyExists(uid!);
        const writer = await openIndexWriter(ctx, uid!, { primaryKey: kind.primaryKey });
        return single(task, succeeded({ primaryKey: kind.primaryKey }), { writers: [writer!], changed: [uid!] });
      }
      case 'indexUpdate': {
        const writer = await openIndexWriter(ctx, uid!, null);
        if (!writer) throw indexNotFound(uid!);
        const current = writer.record.primaryKey;
        if (kind.primaryKey !== null && kind.primaryKey !== current) {
          if (current !== null && writer.stats.numberOfDocuments > 0) throw primaryKeyAlreadyExists(current);
          writer.record = { ...writer.record, primaryKey: kind.primaryKey };
        }
        const newUid = kind.newIndexUid;
        if (newUid !== null && newUid !== uid) {
          if (await ctx.catalog.record(newUid)) throw indexAlreadyExists(newUid);
          writer.record = { ...writer.record, uid: newUid };
        }
        const renamed = newUid !== null && newUid !== uid;
        return single(task, succeeded(indexUpdateDetails(kind.primaryKey, renamed ? uid : null, renamed ? newUid : null)), {
          writers: [writer],
          changed: 'all',
          commit: async (tx) => {
            if (!renamed) return;
            tx.delete(STORES.indexes, uid!);
            await remapTaskIndexUids(tx, new Map([[uid!, newUid!]]), task.uid);
          },
        });
      }
      case 'indexDeletion': {
        const record = await ctx.catalog.record(uid!);
        if (!record) throw indexNotFound(uid!);
        const state = await ctx.catalog.state(uid!);
        return single(task, succeeded({ deletedDocuments: state.stats.numberOfDocuments }), {
          changed: [uid!],
          commit: async (tx) => {
            deleteIndexData(tx, record.ix);
            tx.delete(STORES.indexes, uid!);
          },
        });
      }
      case 'indexSwap': {
        const records = new Map<string, IndexRecord>();
        const missing: string[] = [];
        for (const swap of kind.swaps) {
          for (const u of swap.indexes) {
            const r = await ctx.catalog.record(u);
            if (r) records.set(u, r);
            else if (!(swap.rename && u === swap.indexes[1]) && !missing.includes(u)) missing.push(u);
          }
        }
        if (missing.length === 1) throw indexNotFound(missing[0]);
        if (missing.length > 1) throw new EngineError('index_not_found', `Indexes ${missing.map((m) => `\`${m}\``).join(', ')} not found.`);
        for (const swap of kind.swaps) {
          if (swap.rename && records.has(swap.indexes[1])) throw indexAlreadyExists(swap.indexes[1]);
        }
        return single(task, succeeded(task.details), {
          changed: 'all',
          commit: async (tx) => {
            const mapping = new Map<string, string>();
            for (const swap of kind.swaps) {
              const [a, b] = swap.indexes;
              const ra = records.get(a)!;
              if (swap.rename) {
                tx.delete(STORES.indexes, a);
                tx.put(STORES.indexes, b, { ...ra, uid: b });
                mapping.set(a, b);
              } else {
                const rb = records.get(b)!;
                tx.put(STORES.indexes, a, { ...rb, uid: a });
                tx.put(STORES.indexes, b, { ...ra, uid: b });
                mapping.set(a, b).set(b, a);
              }
            }
            await remapTaskIndexUids(tx, mapping, task.uid);
          },
        });
      }
      default:
        throw new EngineError('internal', `Unexpected task type ${kind.type}.`);
    }
  } catch (e) {
    return single(task, failed(failedDetails(task.details), toEngineError(e).toJSON()), { changed: [] });
  }
}
