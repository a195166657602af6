/** Reading stored documents and shaping them for output (shared by search and document routes). */
import { STORES } from '../storage/schema.ts';
import type { EngineContext } from '../engineContext.ts';
import type { IndexState } from '../indexes/indexState.ts';
import type { DocumentRecord } from '../indexes/indexRecords.ts';
import type { Document } from '../types/indexes.ts';
import { selectFields } from '../documents/selectFields.ts';
import { parseStored, readStoredDocs } from '../documents/documentStore.ts';
import { VECTORS_FIELD } from '../documents/flatten.ts';
import { coversPath } from '../indexes/fieldRules.ts';
import { StaleIndexState } from './postingsReader.ts';

/** Attribute selectors of returned hits: attributesToRetrieve ∩ displayedAttributes (null = every field). */
export function retrievedSelectors(displayed: readonly string[], toRetrieve: readonly string[] | null): string[] | null {
  const displayAll = displayed.includes('*');
  const retrieveAll = toRetrieve === null || toRetrieve.includes('*');
  if (displayAll) return retrieveAll ? null : [...toRetrieve!];
  if (retrieveAll) return [...displayed];
  return toRetrieve!.filter((r) => displayed.some((d) => coversPath(d, r) || coversPath(r, d)));
}

/** Stored documents of `docids`, parsed, in the given order (a missing one means the index changed meanwhile). */
export async function readDocuments(ctx: EngineContext, state: IndexState, docids: readonly number[]): Promise<DocumentRecord[]> {
  const recs = await ctx.store.read([STORES.documents], (tx) => readStoredDocs(tx, state.ix, docids));
  return docids.map((d) => {
    const r = recs.get(d);
    if (!r) throw new StaleIndexState();
    return { id: r.id, doc: parseStored(r), size: r.size };
  });
}

/** A stored document shaped for output: selected fields, keys in field-id order, vectors hidden unless asked. */
export function shapeDocument(state: IndexState, doc: Document, selectors: readonly string[] | null, withVectors = false): Document {
  const order = (k: string) => state.fields.id(k) ?? Number.MAX_SAFE_INTEGER;
  const out = selectFields(doc, selectors, order);
  if (!withVectors) delete out[VECTORS_FIELD];
  return out;
}
