import { ByteReader, ByteWriter } from './byteCodec.ts';
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
