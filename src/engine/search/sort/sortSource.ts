/**
 * Sort values for the `sort` ranking rule, custom `field:asc|desc` rules and document listing (spec §5.4):
 * numbers before strings in both directions (numbers by value, strings by normalized value in byte
 * order), documents without a value last; a multi-valued document goes to the first bucket any of its
 * values reaches. `_geoPoint` sorts by haversine distance, documents without `_geo` last.
 */
import type { DocSet } from '../../storage/docSet.ts';
import { difference, intersect } from '../../storage/docSet.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { PostingsReader } from '../postingsReader.ts';
import type { GeoBucket, SortBucket, SortSource } from '../pipeline.ts';
import type { FacetIndex } from '../facets/facetIndex.ts';
import { GEO_FIELD } from '../../indexer/segmentBuilder.ts';
import { distanceMeters } from '../filters/geo.ts';

export { parseSortParam } from './sortParam.ts';

/**
 * Buckets of `docs` over one kind of value (numbers or strings), in order. Walks the values when the
 * candidates are many (the consumer usually stops after a page), and sorts the candidates by their own
 * extreme value when they are few compared to the values.
 */
function* kindBuckets(
  count: number,
  docsOf: (i: number) => DocSet,
  valueOf: (i: number) => number | string,
  rowOf: (doc: number) => Uint32Array,
  desc: boolean,
  remaining: { docs: DocSet },
  perDoc: boolean,
): Generator<SortBucket> {
  if (count === 0 || remaining.docs.length === 0) return;
  if (perDoc) {
    const keyed: { doc: number; key: number }[] = [];
    const rest: number[] = [];
    for (const doc of remaining.docs) {
      const row = rowOf(doc);
      if (row.length === 0) rest.push(doc);
      else keyed.push({ doc, key: desc ? row[row.length - 1] : row[0] });
    }
    keyed.sort((a, b) => (desc ? b.key - a.key : a.key - b.key) || a.doc - b.doc);
    remaining.docs = Uint32Array.from(rest);
    for (let i = 0; i < keyed.length; ) {
      let j = i;
      while (j < keyed.length && keyed[j].key === keyed[i].key) j++;
      const docs = Uint32Array.from(keyed.slice(i, j), (k) => k.doc).sort();
      yield { docs, value: valueOf(keyed[i].key) };
      i = j;
    }
    return;
  }
  for (let step = 0; step < count && remaining.docs.length > 0; step++) {
    const i = desc ? count - 1 - step : step;
    const docs = intersect(docsOf(i), remaining.docs);
    if (docs.length === 0) continue;
    remaining.docs = difference(remaining.docs, docs);
    yield { docs, value: valueOf(i) };
  }
}

/**
 * Ordered buckets of `docs` by the values of `col` (null: the field has no values anywhere).
 *
 * @example for (const b of sortBuckets(col, 'asc', docs)) console.log(b.value, b.docs.length);
 */
export function* sortBuckets(col: FacetIndex | null, order: 'asc' | 'desc', docs: DocSet): Generator<SortBucket> {
  const remaining = { docs };
  if (col) {
    const desc = order === 'desc';
    // Per-document keys pay off when candidates are few next to the values to walk.
    const perDoc = docs.length <= 64 || docs.length * 4 < col.numbers.length + col.strings.length;
    yield* kindBuckets(col.numbers.length, (i) => col.numberDocs(i), (i) => col.numbers[i], (d) => col.docNumberValues(d), desc, remaining, perDoc);
    yield* kindBuckets(col.strings.length, (i) => col.stringDocs(i), (i) => col.strings[i], (d) => col.docStringValues(d), desc, remaining, perDoc);
  }
  if (remaining.docs.length) yield { docs: remaining.docs, value: null };
}

/**
 * Buckets of `docs` by distance to `point`: one bucket per distinct coordinates, nearest first for `asc`
 * (farthest first for `desc`), documents without `_geo` last.
 */
export function* geoSortBuckets(col: FacetIndex | null, point: [number, number], order: 'asc' | 'desc', docs: DocSet): Generator<GeoBucket> {
  const geo = col?.geo;
  const placed: { doc: number; lat: number; lng: number; distance: number }[] = [];
  const without: number[] = [];
  if (geo) {
    let j = 0;
    for (const doc of docs) {
      while (j < geo.docs.length && geo.docs[j] < doc) j++;
      if (j < geo.docs.length && geo.docs[j] === doc) placed.push({ doc, lat: geo.lat[j], lng: geo.lng[j], distance: distanceMeters(point, [geo.lat[j], geo.lng[j]]) });
      else without.push(doc);
    }
  } else without.push(...docs);
  const sign = order === 'asc' ? 1 : -1;
  placed.sort((a, b) => sign * (a.distance - b.distance) || a.lat - b.lat || a.lng - b.lng || a.doc - b.doc);
  for (let i = 0; i < placed.length; ) {
    let j = i;
    while (j < placed.length && placed[j].lat === placed[i].lat && placed[j].lng === placed[i].lng) j++;
    yield {
      docs: Uint32Array.from(placed.slice(i, j), (p) => p.doc).sort(),
      point: { lat: placed[i].lat, lng: placed[i].lng },
      distance: placed[i].distance,
    };
    i = j;
  }
  if (without.length) yield { docs: Uint32Array.from(without), point: null, distance: null };
}

/**
 * The {@link SortSource} of one search: facet values are read (and cached) on first use of a field.
 *
 * @example
 * ```ts
 * const source = createSortSource(reader, state);
 * for await (const bucket of source.buckets('price', 'asc', candidates)) { ... }
 * ```
 */
export function createSortSource(reader: PostingsReader, state: IndexState): SortSource {
  const column = async (field: string): Promise<FacetIndex | null> => {
    const fid = state.fields.id(field);
    return fid === undefined ? null : reader.facetColumn(fid);
  };
  return {
    async *buckets(field: string, order: 'asc' | 'desc', docs: DocSet): AsyncIterable<SortBucket> {
      if (docs.length === 0) return;
      yield* sortBuckets(await column(field), order, docs);
    },
    async *geoBuckets(point: [number, number], order: 'asc' | 'desc', docs: DocSet): AsyncIterable<GeoBucket> {
      if (docs.length === 0) return;
      yield* geoSortBuckets(await column(GEO_FIELD), point, order, docs);
    },
  };
}
