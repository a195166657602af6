/**
 * The default API keys, as a Meilisearch with a master key lists them. Generated once per database and stored;
 * no authorization is enforced inside one page (the keys exist so clients that list keys work).
 */
import { STORES } from '../storage/schema.ts';
import type { EngineContext } from '../engineContext.ts';
import { uuidV4 } from '../util/uuid.ts';

/**
 * A default API key as `getKeys()` lists it.
 *
 * @inline
 */
export interface ApiKey {
  name: string | null;
  description: string | null;
  key: string;
  uid: string;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function defaultKeys(ctx: EngineContext): Promise<ApiKey[]> {
  return ctx.store.write([STORES.meta], async (tx) => {
    const existing = await tx.get<ApiKey[]>(STORES.meta, 'keys');
    if (existing) return existing;
    const now = ctx.now().toISOString();
    const make = (name: string, description: string, actions: string[]): ApiKey => ({
      name,
      description,
      key: randomHex(32),
      uid: uuidV4(),
      actions,
      indexes: ['*'],
      expiresAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const keys = [
      make('Default Search API Key', 'Use it to search from the frontend', ['search']),
      make('Default Admin API Key', 'Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend', ['*']),
    ];
    tx.put(STORES.meta, 'keys', keys);
    return keys;
  });
}

/** Replaces the stored keys (dump import). */
export async function setKeys(ctx: EngineContext, keys: ApiKey[]): Promise<void> {
  await ctx.store.write([STORES.meta], async (tx) => tx.put(STORES.meta, 'keys', keys));
}
