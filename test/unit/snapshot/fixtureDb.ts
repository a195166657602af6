/**
 * Realistic, deterministic database contents for snapshot tests and measurements: movie-like JSON documents
 * (text drawn from the vocabulary of the datasets in `test/fixtures/datasets` with a Zipf distribution, unicode titles), posting lists as
 * delta/varint-packed `Uint8Array`s built from those documents, facet columns, tasks, settings, plus a record of
 * awkward values (-0, NaN, holes, undefined, lone surrogates, typed arrays, dates, deep nesting).
 */
import { readFileSync } from 'node:fs';
import type { Store, StoreKey } from '../../../src/engine/storage/store.ts';

const FIXTURES = new URL('../../fixtures/datasets/', import.meta.url);

export { rng } from '../../seededRandom.ts';
import { rng } from '../../seededRandom.ts';

function loadVocabulary(): string[] {
  const words = new Map<string, number>();
  for (const f of ['small_movies.json', 'movies-client-fixture.json', 'meilisearch-test-set.json']) {
    const text = readFileSync(new URL(f, FIXTURES), 'utf8');
    for (const w of text.toLowerCase().match(/\p{L}{2,}/gu) ?? []) words.set(w, (words.get(w) ?? 0) + 1);
  }
  return [...words.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

const UNICODE_TITLES = ['Amélie', '千と千尋の神隠し', 'Крёстный отец', 'Ναυσικά', 'Señor 🎬 Ñandú', 'אהבה', 'Ça ira'];

function varints(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

/** Awkward values every codec must keep exactly. */
export function awkwardValue(): Record<string, unknown> {
  const holes: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
  holes[6] = 'end';
  let deep: unknown = 'bottom';
  for (let i = 0; i < 100; i++) deep = { d: [deep] };
  const protoKey = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}') as Record<string, unknown>;
  return {
    negZero: -0,
    nan: NaN,
    inf: Infinity,
    ninf: -Infinity,
    maxSafe: Number.MAX_SAFE_INTEGER,
    minSafe: Number.MIN_SAFE_INTEGER,
    big: 2 ** 60,
    tiny: 5e-324,
    fraction: 0.1 + 0.2,
    neg: -123456789,
    und: undefined,
    nul: null,
    t: true,
    f: false,
    empty: '',
    lone: 'a\ud800b',
    loneEnd: 'x'.repeat(40) + '\udc00',
    pair: '😀'.repeat(20),
    long: 'é'.repeat(5000),
    holes,
    emptyArr: [],
    emptyObj: {},
    nullProto: Object.assign(Object.create(null) as object, { a: 1 }),
    protoKey,
    date: new Date(1700000000123),
    bytes: Uint8Array.of(0, 1, 255),
    emptyBytes: new Uint8Array(0),
    view: new Uint8Array(new Uint8Array([9, 9, 1, 2, 3, 9]).buffer, 2, 3),
    i16: Int16Array.of(-1, 2, -32768),
    u32: Uint32Array.of(0, 4294967295),
    f32: Float32Array.of(1.5, -0, NaN),
    f64: Float64Array.of(Math.PI),
    i64: BigInt64Array.of(-5n),
    clamped: Uint8ClampedArray.of(255),
    ab: Uint8Array.of(4, 5, 6).buffer,
    dv: new DataView(Uint8Array.of(7, 8).buffer),
    deep,
    manyKeys: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i])),
  };
}

export interface FillOptions {
  documents?: number;
  seed?: number;
  /** Documents per segment. */
  segmentSize?: number;
}

/** Fills every store of the schema (and any other store, generically) with realistic records. */
export async function fillStore(store: Store, options: FillOptions = {}): Promise<number> {
  const nDocs = options.documents ?? 300;
  const rand = rng(options.seed ?? 42);
  const vocab = loadVocabulary();
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rand() * Math.log(vocab.length + 1))) - 1)];
  const segSize = options.segmentSize ?? 1000;
  const genres = ['Drama', 'Comedy', 'Action', 'Science Fiction', 'Animation', 'Family', 'Romance', 'Thriller'];
  const records: [string, StoreKey, unknown][] = [];
  const put = (s: string, k: StoreKey, v: unknown) => records.push([s, k, v]);

  const postings = new Map<string, Map<number, number[]>>(); // `${seg}\0${word}` → docid → positions
  for (let docid = 0; docid < nDocs; docid++) {
    const seg = Math.floor(docid / segSize);
    const titleWords = Array.from({ length: 2 + Math.floor(rand() * 4) }, zipf);
    const title = rand() < 0.1 ? UNICODE_TITLES[docid % UNICODE_TITLES.length] : titleWords.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
    const overviewWords = Array.from({ length: 30 + Math.floor(rand() * 60) }, zipf);
    const doc = {
      id: 1000 + docid,
      title,
      overview: overviewWords.join(' ') + '.',
      genres: genres.filter(() => rand() < 0.25),
      poster: `https://image.tmdb.org/t/p/w500/${Math.floor(rand() * 1e12).toString(36)}.jpg`,
      release_date: Math.floor(rand() * 1.7e9),
      vote_average: Math.round(rand() * 100) / 10,
    };
    put('documents', [1, docid], { v: 1, doc });
    put('externalIds', [1, String(doc.id)], docid);
    [...title.toLowerCase().split(/\s+/), ...overviewWords].forEach((w, pos) => {
      const key = `${seg}\u0000${w}`;
      let m = postings.get(key);
      if (!m) postings.set(key, (m = new Map()));
      let p = m.get(docid);
      if (!p) m.set(docid, (p = []));
      p.push(pos);
    });
  }
  for (const [key, m] of postings) {
    const [seg, word] = key.split('\u0000');
    const bytes: number[] = [];
    varints(bytes, m.size);
    let prev = 0;
    for (const [docid, positions] of m) {
      varints(bytes, docid - prev);
      prev = docid;
      varints(bytes, positions.length);
      let pp = 0;
      for (const p of positions) {
        varints(bytes, p - pp);
        pp = p;
      }
    }
    put('postings', [1, Number(seg), word], Uint8Array.from(bytes));
  }
  const nSegs = Math.ceil(nDocs / segSize);
  for (let seg = 0; seg < nSegs; seg++) {
    put('segments', [1, seg], { v: 1, docCount: Math.min(segSize, nDocs - seg * segSize), words: postings.size, createdAt: '2026-01-01T00:00:00Z' });
    put('tombstones', [1, seg], Uint8Array.of(3, 7, 9));
    for (let fid = 0; fid < 4; fid++) {
      const col = new Uint8Array(Math.min(segSize, nDocs - seg * segSize) * 4);
      for (let i = 0; i < col.length; i++) col[i] = Math.floor(rand() * (fid === 0 ? 8 : 256));
      put('facets', [1, seg, fid], col);
    }
  }
  put('indexes', 'movies', { v: 1, ix: 1, uid: 'movies', primaryKey: 'id', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' });
  put('indexMeta', [1, 'settings'], { rankingRules: ['words', 'typo', 'proximity'], filterableAttributes: ['genres'], synonyms: { sf: ['science fiction'] }, stopWords: [], distinctAttribute: null });
  put('indexMeta', [1, 'fields'], ['id', 'title', 'overview', 'genres', 'poster', 'release_date', 'vote_average']);
  put('indexMeta', [1, 'stats'], { numberOfDocuments: nDocs, fieldDistribution: { id: nDocs, title: nDocs } });
  for (let uid = 0; uid < 50; uid++) {
    put('tasks', uid, {
      uid,
      batchUid: uid < 48 ? uid : null,
      indexUid: 'movies',
      status: uid < 48 ? 'succeeded' : 'enqueued',
      kind: { type: 'documentAdditionOrUpdate', primaryKey: null, documentsCount: 10, allowIndexCreation: true },
      details: uid % 2 ? { receivedDocuments: 10, indexedDocuments: 10 } : null,
      error: null,
      canceledBy: null,
      enqueuedAt: `2026-01-01T00:00:${String(uid % 60).padStart(2, '0')}.123456Z`,
      startedAt: null,
      finishedAt: null,
      customMetadata: uid === 3 ? 'ünïcødé' : undefined,
    });
    if (uid < 48) put('batches', uid, { uid, progress: null, stats: { totalNbTasks: 1, status: { succeeded: 1 } }, duration: 'PT0.1S' });
  }
  put('taskPayloads', 48, { documents: [{ id: 'a-1', title: 'Pending' }, { id: 'a-2', nested: { deep: [1, [2, [3]]] } }] });
  put('taskPayloads', 49, { documents: [awkwardValue()] });
  put('meta', 'engine', { v: 1, storageFormat: 'pocketsearch-store/1', schemaVersion: 1, engineVersion: '0.1.0' });
  put('meta', 'staging', { segments: [] });
  put('meta', ['awkward', 'key', 0, -1.5, ''], awkwardValue());
  const known = new Set(records.map((r) => r[0]));
  for (const name of store.storeNames()) {
    if (!known.has(name)) for (let i = 0; i < 20; i++) put(name, [name, i], { unknownStore: true, i, bytes: Uint8Array.of(i) });
  }

  const names = new Set(store.storeNames());
  const mine = records.filter((r) => names.has(r[0]));
  for (let i = 0; i < mine.length; i += 2000) {
    const chunk = mine.slice(i, i + 2000);
    const stores = [...new Set(chunk.map((r) => r[0]))];
    await store.write(stores, async (tx) => {
      for (const [s, k, v] of chunk) tx.put(s, k, v);
    });
  }
  return mine.length;
}
