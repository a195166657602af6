/** Deletion of the documents matching a filter (processed alone, on the committed state). */
import { EngineError, toEngineError } from '../../../errors/engineError.ts';
import { STORES } from '../../storage/schema.ts';
import { parseStored, readStoredDocs } from '../../documents/documentStore.ts';
import { documentFieldPaths } from '../../documents/flatten.ts';
import { prepareFilter } from '../../search/filters/prepareFilter.ts';
import { experimentalFeatures } from '../../search/filters/experimentalFeatures.ts';
import { evaluateFilter } from '../../search/filters/evaluateFilter.ts';
import { PostingsReader } from '../../search/postingsReader.ts';
import { indexNotFound } from '../../indexes/indexUid.ts';
import { failedDetails } from '../taskDetails.ts';
import { failed, succeeded, type BatchOutcome, type BatchRun } from '../batch.ts';
import { openIndexWriter } from './openIndexWriter.ts';

export async function processFilterDeletion(run: BatchRun): Promise<BatchOutcome> {
  const task = run.tasks[0];
  const kind = task.kind;
  const uid = task.indexUid!;
  try {
    if (kind.type !== 'documentDeletion' || kind.mode !== 'filter') throw new EngineError('internal', 'not a filter deletion');
    const writer = await openIndexWriter(run.ctx, uid, null);
    if (!writer) throw indexNotFound(uid);
    const state = await run.ctx.catalog.state(uid);
    let node;
    try {
      // Raised while processing, inside the index: Meilisearch prefixes these with the index uid.
      node = prepareFilter(state, kind.filter, 'invalid_document_filter', { containsFilter: experimentalFeatures(run.ctx).containsFilter });
    } catch (e) {
      throw toEngineError(e).withPrefix(`Index \`${uid}\`: `);
    }
    let deleted = 0;
    if (node) {
      const docids = await evaluateFilter(new PostingsReader(run.ctx.store, state, run.ctx.postings), state, node);
      for (let i = 0; i < docids.length; i += 2000) {
        run.checkpoint();
        const slice = Array.from(docids.subarray(i, i + 2000));
        const recs = await run.ctx.store.read([STORES.documents], (tx) => readStoredDocs(tx, state.ix, slice));
        slice.forEach((docid) => {
          const rec = recs.get(docid);
          if (!rec) return;
          writer.removeDocid(docid);
          writer.changes.setId(rec.id, null);
          writer.countFields(documentFieldPaths(parseStored(rec)), -1);
          writer.stats.rawDocumentDbSize -= rec.size;
          writer.stats.numberOfDocuments--;
          deleted++;
        });
      }
    }
    return { results: new Map([[task.uid, succeeded({ ...task.details, deletedDocuments: deleted })]]), writers: [writer], changed: [uid] };
  } catch (e) {
    return { results: new Map([[task.uid, failed(failedDetails(task.details), toEngineError(e).toJSON())]]), changed: [] };
  }
}
