/**
 * Type tests: typed documents end to end, as Meilisearch's JS client has them (`index<T>()`, `search<D>()`,
 * `getDocument<D>()`…), on the page client and on the engine. Nothing here runs: the file compiles or the build
 * fails. `npm run typecheck` compiles it against src/ (tsconfig paths), and the library build compiles it again
 * against the published declarations in dist/types (test/types/tsconfig.published.json), through the package's
 * own `exports` as a user's project resolves them.
 *
 * Helpers are declared here rather than imported: the published check compiles this file alone, with the
 * options of a user's project (no `allowImportingTsExtensions`).
 *
 * The bodies are duplicated for the client and the engine on purpose: the client's types are derived from the
 * engine's, and a derivation that drops a generic is exactly what these tests are for.
 */
import type { ClientIndex, FederatedSearchResponse, FormattedDocument, Hit, MultiSearchResponse, PocketClient, ResourceResults, Settings } from 'pocketsearch';
import type { Engine, FacetSearchResponse, Index } from 'pocketsearch/engine';

/** `true` when `A` and `B` are the same type (not merely assignable either way). */
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** Compiles only when `Actual` and `Expected` are the same type (the error then shows both). */
declare function expectType<Actual, Expected>(...sameType: Equal<Actual, Expected> extends true ? [] : [mismatch: { actual: Actual; expected: Expected }]): void;

/** An interface, as users write them (no index signature: a `Record<string, unknown>` bound would refuse it). */
interface Book {
  id: number;
  title: string;
  author: { name: string; born: number };
  tags: string[];
}

/** A type literal, for a per-call override. */
type Film = { id: string; name: string };

type Doc = Record<string, unknown>;

export async function clientSearch(client: PocketClient): Promise<void> {
  const books: ClientIndex<Book> = client.index<Book>('books');

  const r = await books.search('dune');
  expectType<typeof r.hits, Hit<Book>[]>();
  expectType<(typeof r.hits)[0]['title'], string>();
  expectType<(typeof r.hits)[0]['author']['born'], number>();
  expectType<NonNullable<(typeof r.hits)[0]['_formatted']>, FormattedDocument<Book>>();
  const formatted = r.hits[0]._formatted!;
  expectType<typeof formatted.title, string | undefined>();
  // Meilisearch highlights and crops numbers as strings, nested fields included.
  expectType<typeof formatted.id, string | undefined>();
  expectType<NonNullable<typeof formatted.author>['born'], string | undefined>();
  expectType<typeof formatted.tags, string[] | undefined>();
  expectType<(typeof r.hits)[0]['_rankingScore'], number | undefined>();

  // A method-level type argument overrides the handle's.
  const films = await books.search<Film>('dune');
  expectType<(typeof films.hits)[0]['name'], string>();
  // @ts-expect-error a Film has no title
  void films.hits[0].title;

  // Pagination fields follow the parameters' type.
  const pages = await books.search('dune', { page: 2, hitsPerPage: 10 });
  expectType<typeof pages.totalPages, number>();
  const window = await books.search('dune', { limit: 5, offset: 10 });
  expectType<typeof window.estimatedTotalHits, number>();
  expectType<typeof r.estimatedTotalHits, number | undefined>();
  // @ts-expect-error misspelt search parameter
  await books.search('dune', { limt: 5 });
  // @ts-expect-error misspelt search parameter next to a good one
  await books.search('dune', { limit: 5, atributesToRetrieve: ['title'] });

  // The facet search is not about documents.
  expectType<Awaited<ReturnType<typeof books.searchForFacetValues>>, FacetSearchResponse>();

  // Settings keep their per-key types.
  expectType<Awaited<ReturnType<typeof books.getSetting<'rankingRules'>>>, Settings['rankingRules']>();
}

export async function clientDocuments(client: PocketClient): Promise<void> {
  const books = client.index<Book>('books');
  const book = await books.getDocument(1);
  expectType<typeof book, Book>();
  const some = await books.getDocument(1, { fields: ['title'] });
  expectType<typeof some, Partial<Book>>();
  const film = await books.getDocument<Film>('a');
  expectType<typeof film, Film>();

  const list = await books.getDocuments({ limit: 5 });
  expectType<typeof list, ResourceResults<Book[]>>();
  const projected = await books.getDocuments({ fields: 'title' });
  expectType<typeof projected.results, Partial<Book>[]>();
  const films = await books.getDocuments<Film>();
  expectType<typeof films.results, Film[]>();

  await books.addDocuments([{ id: 1, title: 'Dune', author: { name: 'Frank Herbert', born: 1920 }, tags: [] }]).waitTask();
  // @ts-expect-error not a Book
  books.addDocuments([{ id: 1, name: 'Dune' }]);
  // @ts-expect-error a Book's id is a number
  books.addDocuments([{ id: '1', title: 'Dune', author: { name: 'Frank Herbert', born: 1920 }, tags: [] }]);
  books.addDocumentsInBatches([{ id: 1, title: 'Dune', author: { name: 'Frank Herbert', born: 1920 }, tags: [] }], 100);
  // @ts-expect-error not a Book
  books.addDocumentsInBatches([{ id: 1 }], 100);
  await books.updateDocuments([{ id: 1, title: 'Dune Messiah' }]).waitTask();
  // @ts-expect-error a Book's title is a string
  books.updateDocuments([{ id: 1, title: 2 }]);
}

export async function clientDefaults(client: PocketClient): Promise<void> {
  const any = client.index('anything');
  expectType<typeof any, ClientIndex<Doc>>();
  const r = await any.search('q');
  expectType<(typeof r.hits)[0], Hit<Doc>>();
  expectType<(typeof r.hits)[0]['whatever'], unknown>();
  const doc = await any.getDocument(1);
  expectType<typeof doc, Doc>();
  any.addDocuments([{ id: 1, anything: ['goes'] }]);
  // @ts-expect-error a document is an object
  client.index<string>('strings');
}

export async function clientMultiSearch(client: PocketClient): Promise<void> {
  const multi = await client.multiSearch<Book>({ queries: [{ indexUid: 'books', q: 'dune' }] });
  expectType<typeof multi, MultiSearchResponse<Book>>();
  expectType<(typeof multi.results)[0]['hits'][0]['title'], string>();
  const merged = await client.multiSearch<Book | Film>({ federation: {}, queries: [{ indexUid: 'books', q: 'dune' }] });
  expectType<typeof merged, FederatedSearchResponse<Book | Film>>();
  expectType<(typeof merged.hits)[0]['_federation'], { indexUid: string; queriesPosition: number; weightedRankingScore: number } | undefined>();
  const untyped = await client.multiSearch({ queries: [] });
  expectType<typeof untyped, MultiSearchResponse<Doc>>();
}

export async function engineSearch(engine: Engine): Promise<void> {
  const books: Index<Book> = engine.index<Book>('books');

  const r = await books.search('dune');
  expectType<typeof r.hits, Hit<Book>[]>();
  expectType<(typeof r.hits)[0]['title'], string>();
  expectType<NonNullable<(typeof r.hits)[0]['_formatted']>, FormattedDocument<Book>>();
  const films = await books.search<Film>('dune');
  expectType<(typeof films.hits)[0]['name'], string>();
  // @ts-expect-error a Film has no title
  void films.hits[0].title;
  // Given type arguments leave the others to their defaults (TypeScript infers all or none): S is SearchParams.
  const pages = await books.search<Film>('dune', { page: 1 });
  expectType<typeof pages.totalHits, number | undefined>();
  const typedPages = await books.search<Film, { page: number }>('dune', { page: 1 });
  expectType<typeof typedPages.totalHits, number>();
  // @ts-expect-error misspelt search parameter
  await books.search('dune', { limt: 5 });
  expectType<Awaited<ReturnType<typeof books.getSetting<'synonyms'>>>, Settings['synonyms']>();
}

export async function engineDocuments(engine: Engine): Promise<void> {
  const books = engine.index<Book>('books');
  const book = await books.getDocument(1);
  expectType<typeof book, Book>();
  const some = await books.getDocument(1, { fields: ['title'] });
  expectType<typeof some, Partial<Book>>();
  const film = await books.getDocument<Film>('a');
  expectType<typeof film, Film>();
  const list = await books.getDocuments();
  expectType<typeof list, ResourceResults<Book[]>>();
  await books.addDocuments([{ id: 1, title: 'Dune', author: { name: 'Frank Herbert', born: 1920 }, tags: [] }]).waitTask();
  // @ts-expect-error not a Book
  books.addDocuments([{ id: 1, name: 'Dune' }]);
  // @ts-expect-error a Book's title is a string
  books.updateDocuments([{ id: 1, title: 2 }]);
}

export async function engineDefaults(engine: Engine): Promise<void> {
  const any = engine.index('anything');
  expectType<typeof any, Index<Doc>>();
  const r = await any.search('q');
  expectType<(typeof r.hits)[0], Hit<Doc>>();
  const doc = await any.getDocument(1);
  expectType<typeof doc, Doc>();
  const multi = await engine.multiSearch<Book>({ queries: [{ indexUid: 'books', q: 'dune' }] });
  expectType<(typeof multi.results)[0]['hits'][0]['title'], string>();
}
