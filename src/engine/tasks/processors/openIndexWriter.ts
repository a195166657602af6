import { STORES } from '../../storage/schema.ts';
import type { EngineContext } from '../../engineContext.ts';
import { IndexWriter } from '../../indexer/indexWriter.ts';

interface EngineMeta {
  nextIndexId: number;
}

/** Allocates a new internal index id (never reused). */
export async function allocateIndexId(ctx: EngineContext): Promise<number> {
  return ctx.store.write([STORES.meta], async (tx) => {
    const m = (await tx.get<EngineMeta>(STORES.meta, 'ids')) ?? { nextIndexId: 0 };
    tx.put(STORES.meta, 'ids', { ...m, nextIndexId: m.nextIndexId + 1 });
    return m.nextIndexId;
  });
}

/**
 * A writer over an existing index, or over a new one when `create` is given and the index is missing;
 * null when the index is missing and may not be created.
 */
export async function openIndexWriter(ctx: EngineContext, uid: string, create: { primaryKey: string | null } | null): Promise<IndexWriter | null> {
  const record = await ctx.catalog.record(uid);
  if (record) return new IndexWriter(ctx.store, record, false, await ctx.catalog.state(uid), () => ctx.now(), ctx.segmentPool);
  if (!create) return null;
  const ix = await allocateIndexId(ctx);
  const now = ctx.now().toISOString();
  return new IndexWriter(ctx.store, IndexWriter.newRecord(uid, ix, create.primaryKey, now), true, null, () => ctx.now(), ctx.segmentPool);
}
