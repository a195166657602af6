/**
 * The types of the page client, derived from the engine's: every forwarded method has the signature the engine
 * declares for it, picked (`Pick`) rather than rewritten so that generic methods stay generic. A mapped type that
 * rebuilds a method (`(...args: infer A) => …`) instantiates its type parameters with their bounds: that is how
 * `client.index<Book>().search()` once lost `Book`. The page needs no rewrite anyway: every forwarded engine method
 * already returns a promise (checked below), so the same signature holds across Comlink.
 *
 * They are type aliases (object types), not interfaces: `createClient` builds them as `Record`s, and only object
 * types convert to and from a `Record`.
 */
import type { Engine } from '../engine/engine.ts';
import type { Index } from '../engine/indexHandle.ts';
import type { EngineMethod, IndexMethod } from '../shared/methods.ts';
import type { ClientBackupMethods } from './clientBackups.ts';

/** Keys of `C` among `K` whose methods do not return a promise (they could not keep their signature on the page). */
type NotAsync<C, K extends keyof C> = { [M in K]: C[M] extends (...args: never[]) => Promise<unknown> ? never : M }[K];

/** Compiles only when `K` is `never`: a forwarded method that returns a plain value fails the build here, by name. */
type MustBeEmpty<K extends never> = K;

// Checked once for the default document type: whether a method is async does not depend on it.
type _ForwardedIndexMethodsAreAsync = MustBeEmpty<NotAsync<Index, IndexMethod>>;
type _ForwardedEngineMethodsAreAsync = MustBeEmpty<NotAsync<Engine, EngineMethod>>;

/**
 * The index methods of the page client: the forwarded ones, and those the page runs itself with the engine's
 * signature (`addDocumentsInBatches` returns its promises at once, as on the engine).
 */
type ClientIndexMethod = IndexMethod | 'fetchPrimaryKey' | 'addDocumentsInBatches' | 'updateDocumentsInBatches';

/**
 * An index handle on the page: the engine's {@link Index} methods, run in the worker, documents typed `T`.
 * Generic methods keep their own type argument as in Meilisearch's JS client.
 *
 * @example
 * ```ts
 * interface Book { id: number; title: string }
 * const books = client.index<Book>('books');
 * await books.addDocuments([{ id: 1, title: 'Dune' }]).waitTask();
 * const { hits } = await books.search('dune'); // hits[0].title: string
 * const one = await books.getDocument(1); // Book
 * const other = await books.search<{ id: number; name: string }>('dune'); // override per call
 * ```
 *
 * @interface
 */
export type ClientIndex<T extends object = Record<string, unknown>> = { readonly uid: string } & Pick<Index<T>, ClientIndexMethod>;

/**
 * The page client: the engine's methods, run in the worker, plus what only the page has (the worker's lifetime,
 * storage persistence, file downloads).
 *
 * @example
 * ```ts
 * const client: PocketClient = await createClient({ name: 'my-app' });
 * const { hits } = await client.index<Book>('books').search('dune');
 * const { results } = await client.multiSearch<Book>({ queries: [{ indexUid: 'books', q: 'dune' }] });
 * ```
 *
 * @interface
 */
export type PocketClient = Pick<Engine, EngineMethod> & ClientBackupMethods & {
  /** A handle on an index (it need not exist yet: writes create it), its documents typed `T`. */
  index<T extends object = Record<string, unknown>>(uid: string): ClientIndex<T>;
  /** pocketsearch's version running in the worker. */
  readonly engineVersion: string;
  /**
   * With `persist: true`: whether the browser granted persisted storage (`navigator.storage.persist()`); `null` when
   * it was not asked for or the browser cannot tell. Browsers decide (engagement, an installed app, a bookmark…).
   */
  readonly persisted: boolean | null;
  /**
   * Kills the worker at once (unfinished tasks resume at the next start).
   *
   * @example
   * ```ts
   * client.terminate(); // e.g. in a test's teardown
   * ```
   */
  terminate(): void;
  /**
   * Stops the engine after the current batch, then the worker.
   *
   * @example
   * ```ts
   * await client.close();
   * const other = await createClient({ name: 'other-database' });
   * ```
   */
  close(): Promise<void>;
};
