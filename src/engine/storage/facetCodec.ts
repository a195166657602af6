import { ByteReader, ByteWriter, compareUtf8 } from './byteCodec.ts';
import { EngineError } from '../../errors/engineError.ts';
import type { DocSet } from './docSet.ts';

/**
 * Facet column of one field in one segment: every value of the field with the documents holding it.
 * Numbers ascending; strings by normalized value in UTF-8 byte order, each with its original spellings;
 * presence flags for EXISTS / IS NULL / IS EMPTY; and, for `_geo`, the coordinates per document.
 *
 * Layout (version 1): u8 version · numbers · strings · exists · null · empty · geo (see encode/decode).
 */
export const FACET_VERSION = 1;

export interface FacetSpelling {
  original: string;
  docs: DocSet;
}

export interface FacetColumn {
  numbers: Float64Array;
  numberDocs: DocSet[];
  /** normalized values (§4.8), ascending in UTF-8 byte order */
  strings: string[];
  stringDocs: DocSet[];
  /** original spellings of each string value, each with its documents */
  spellings: FacetSpelling[][];
  exists: DocSet;
  isNull: DocSet;
  isEmpty: DocSet;
  /** documents with a valid `_geo` ({lat, lng}), ascending, with their coordinates */
  geo: { docs: DocSet; lat: Float64Array; lng: Float64Array } | null;
}

export function encodeFacetColumn(c: FacetColumn): Uint8Array {
  const w = new ByteWriter(1024);
  w.byte(FACET_VERSION);
  w.varint(c.numbers.length);
  for (let i = 0; i < c.numbers.length; i++) {
    w.float64(c.numbers[i]);
    w.sortedIds(c.numberDocs[i]);
  }
  w.varint(c.strings.length);
  for (let i = 0; i < c.strings.length; i++) {
    w.string(c.strings[i]);
    const sp = c.spellings[i];
    w.varint(sp.length);
    for (const s of sp) {
      w.string(s.original);
      w.sortedIds(s.docs);
    }
  }
  w.sortedIds(c.exists);
  w.sortedIds(c.isNull);
  w.sortedIds(c.isEmpty);
  if (c.geo) {
    w.sortedIds(c.geo.docs);
    for (let i = 0; i < c.geo.docs.length; i++) {
      w.float64(c.geo.lat[i]);
      w.float64(c.geo.lng[i]);
    }
  } else w.varint(0);
  return w.finish();
}

export function decodeFacetColumn(bytes: Uint8Array): FacetColumn {
  const r = new ByteReader(bytes);
  const v = r.byte();
  if (v !== FACET_VERSION) throw new EngineError('invalid_store_file', `Unknown facet column version ${v}.`);
  const nn = r.varint();
  const numbers = new Float64Array(nn);
  const numberDocs: DocSet[] = [];
  for (let i = 0; i < nn; i++) {
    numbers[i] = r.float64();
    numberDocs.push(r.sortedIds());
  }
  const ns = r.varint();
  const strings: string[] = [];
  const stringDocs: DocSet[] = [];
  const spellings: FacetSpelling[][] = [];
  for (let i = 0; i < ns; i++) {
    strings.push(r.string());
    const k = r.varint();
    const sp: FacetSpelling[] = [];
    for (let j = 0; j < k; j++) sp.push({ original: r.string(), docs: r.sortedIds() });
    spellings.push(sp);
    stringDocs.push(sp.length === 1 ? sp[0].docs : mergeSorted(sp.map((s) => s.docs)));
  }
  const exists = r.sortedIds();
  const isNull = r.sortedIds();
  const isEmpty = r.sortedIds();
  const geoDocs = r.sortedIds();
  let geo: FacetColumn['geo'] = null;
  if (geoDocs.length > 0) {
    const lat = new Float64Array(geoDocs.length);
    const lng = new Float64Array(geoDocs.length);
    for (let i = 0; i < geoDocs.length; i++) {
      lat[i] = r.float64();
      lng[i] = r.float64();
    }
    geo = { docs: geoDocs, lat, lng };
  }
  return { numbers, numberDocs, strings, stringDocs, spellings, exists, isNull, isEmpty, geo };
}

function mergeSorted(sets: DocSet[]): DocSet {
  let total = 0;
  for (const s of sets) total += s.length;
  const all = new Uint32Array(total);
  let o = 0;
  for (const s of sets) {
    all.set(s, o);
    o += s.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i];
  return all.slice(0, n);
}

/** Documents of `docs` not in the sorted `tombstones`. */
function live(docs: DocSet, tombstones: DocSet): DocSet {
  if (tombstones.length === 0) return docs;
  return docs.filter((d) => !hasDoc(tombstones, d));
}

function hasDoc(set: DocSet, x: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (set[mid] === x) return true;
    if (set[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Merges the columns of one field from several segments (segment compaction): tombstoned documents are
 * dropped, values present in several segments are united, values left without documents disappear.
 */
export function mergeFacetColumns(parts: readonly { column: FacetColumn; tombstones: DocSet }[]): FacetColumn {
  const numbers = new Map<number, DocSet[]>();
  const strings = new Map<string, Map<string, DocSet[]>>();
  const geo: { doc: number; lat: number; lng: number }[] = [];
  const flags = { exists: [] as DocSet[], isNull: [] as DocSet[], isEmpty: [] as DocSet[] };
  for (const { column: c, tombstones: t } of parts) {
    c.numbers.forEach((n, i) => {
      const docs = live(c.numberDocs[i], t);
      if (docs.length) (numbers.get(n) ?? numbers.set(n, []).get(n)!).push(docs);
    });
    c.strings.forEach((s, i) => {
      for (const sp of c.spellings[i]) {
        const docs = live(sp.docs, t);
        if (!docs.length) continue;
        const bySpelling = strings.get(s) ?? strings.set(s, new Map()).get(s)!;
        (bySpelling.get(sp.original) ?? bySpelling.set(sp.original, []).get(sp.original)!).push(docs);
      }
    });
    flags.exists.push(live(c.exists, t));
    flags.isNull.push(live(c.isNull, t));
    flags.isEmpty.push(live(c.isEmpty, t));
    if (c.geo) c.geo.docs.forEach((d, i) => !hasDoc(t, d) && geo.push({ doc: d, lat: c.geo!.lat[i], lng: c.geo!.lng[i] }));
  }
  const unite = (sets: DocSet[]): DocSet => mergeSorted(sets);
  const nums = [...numbers.keys()].sort((a, b) => a - b);
  const strs = [...strings.keys()].sort(compareUtf8);
  geo.sort((a, b) => a.doc - b.doc);
  const spellings = strs.map((s) => [...strings.get(s)!].map(([original, sets]) => ({ original, docs: unite(sets) })));
  return {
    numbers: Float64Array.from(nums),
    numberDocs: nums.map((n) => unite(numbers.get(n)!)),
    strings: strs,
    stringDocs: spellings.map((sp) => (sp.length === 1 ? sp[0].docs : unite(sp.map((x) => x.docs)))),
    spellings,
    exists: unite(flags.exists),
    isNull: unite(flags.isNull),
    isEmpty: unite(flags.isEmpty),
    geo: geo.length ? { docs: Uint32Array.from(geo, (g) => g.doc), lat: Float64Array.from(geo, (g) => g.lat), lng: Float64Array.from(geo, (g) => g.lng) } : null,
  };
}
