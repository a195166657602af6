/**
 * Evaluation of a parsed filter over an index's facet values (spec §6), never by scanning documents.
 *
 * Semantics follow Meilisearch: `=` matches the normalized string OR the number when the operand parses
 * as a finite float; comparisons and `TO` are a numeric range (when the operand parses) UNION a
 * lexicographic range over normalized strings; `!=` and `NOT` are complements over every document (so
 * documents without the attribute match them); an attribute the index never saw matches nothing.
 * Inside an `AND`, each operand is evaluated against the documents still standing (the universe hint),
 * which lets a selective operand turn a wide range into a per-document check.
 */
import type { DocSet } from '../../storage/docSet.ts';
import { difference, EMPTY, intersect, unionMany } from '../../storage/docSet.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { FilterGeo, FilterLeaf, FilterNode, FilterValue } from '../filter/index.ts';
import type { PostingsReader } from '../postingsReader.ts';
import { normalizeFacetValue } from '../../text/facetValue.ts';
import { GEO_FIELD } from '../../indexer/segmentBuilder.ts';
import type { Bound, FacetIndex } from '../facets/facetIndex.ts';
import { distanceMeters, pointInPolygon } from './geo.ts';

/** Facet values of every attribute a filter names (null: the attribute has no values). */
type Columns = Map<string, FacetIndex | null>;

function attributesOf(node: FilterNode, out: Set<string>): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const c of node.children) attributesOf(c, out);
      break;
    case 'not':
      attributesOf(node.child, out);
      break;
    case 'geoRadius':
    case 'geoBoundingBox':
    case 'geoPolygon':
      out.add(GEO_FIELD);
      break;
    default:
      out.add(node.attribute);
  }
  return out;
}

/** Loads the facet values of every attribute `node` names, in one batch. */
export async function loadFilterColumns(reader: PostingsReader, state: IndexState, node: FilterNode): Promise<Columns> {
  const attrs = [...attributesOf(node, new Set())];
  const fids = attrs.map((a) => state.fields.id(a));
  const loaded = await reader.facetColumns(fids.filter((f): f is number => f !== undefined));
  const out: Columns = new Map();
  attrs.forEach((a, i) => {
    const fid = fids[i];
    if (fid !== undefined) out.set(a, loaded.get(fid) ?? null);
  });
  return out;
}

/**
 * The live documents matching `node`. Filterability must have been checked (see `prepareFilter`).
 *
 * @example
 * ```ts
 * const node = prepareFilter(state, 'genre = horror AND year > 2000', 'invalid_search_filter');
 * const docs = node ? await evaluateFilter(reader, state, node) : state.liveDocs();
 * ```
 */
export async function evaluateFilter(reader: PostingsReader, state: IndexState, node: FilterNode): Promise<DocSet> {
  const columns = await loadFilterColumns(reader, state, node);
  return intersect(new FilterEvaluator(state.liveDocs(), columns).evaluate(node, null), state.liveDocs());
}

/** Synchronous evaluation once the columns are loaded (exported for tests and facet search). */
export class FilterEvaluator {
  constructor(
    private readonly all: DocSet,
    private readonly columns: Columns,
  ) {}

  /** Documents matching `node`; `hint`, when given, is a superset of what the caller keeps. */
  evaluate(node: FilterNode, hint: DocSet | null): DocSet {
    if (hint && hint.length === 0) return EMPTY;
    switch (node.kind) {
      case 'and': {
        let acc = this.evaluate(node.children[0], hint);
        if (hint) acc = intersect(acc, hint);
        for (let i = 1; i < node.children.length && acc.length > 0; i++) acc = intersect(acc, this.evaluate(node.children[i], acc));
        return acc;
      }
      case 'or':
        return unionMany(node.children.map((c) => this.evaluate(c, hint)));
      case 'not':
        return difference(hint ?? this.all, this.evaluate(node.child, hint));
      case 'geoRadius':
      case 'geoBoundingBox':
      case 'geoPolygon':
        return this.geo(node, hint);
      default:
        return this.leaf(node, hint);
    }
  }

  private leaf(leaf: FilterLeaf, hint: DocSet | null): DocSet {
    if (!this.columns.has(leaf.attribute)) {
      // Never seen by the index: matches nothing (and `!=` everything).
      return leaf.kind === 'compare' && leaf.operator === '!=' ? (hint ?? this.all) : EMPTY;
    }
    const col = this.columns.get(leaf.attribute) ?? null;
    switch (leaf.kind) {
      case 'compare':
        switch (leaf.operator) {
          case '=':
            return equalDocs(col, leaf.value);
          case '!=':
            return difference(hint ?? this.all, equalDocs(col, leaf.value));
          case '>':
            return rangeDocs(col, leaf.value.number === null ? null : [{ value: leaf.value.number, inclusive: false }, null], [bound(leaf.value, false), null], hint);
          case '>=':
            return rangeDocs(col, leaf.value.number === null ? null : [{ value: leaf.value.number, inclusive: true }, null], [bound(leaf.value, true), null], hint);
          case '<':
            return rangeDocs(col, leaf.value.number === null ? null : [null, { value: leaf.value.number, inclusive: false }], [null, bound(leaf.value, false)], hint);
          case '<=':
            return rangeDocs(col, leaf.value.number === null ? null : [null, { value: leaf.value.number, inclusive: true }], [null, bound(leaf.value, true)], hint);
        }
        break;
      case 'range': {
        const { from, to } = leaf;
        const numbers: [Bound<number>, Bound<number>] | null =
          from.number !== null && to.number !== null ? [{ value: from.number, inclusive: true }, { value: to.number, inclusive: true }] : null;
        // An inverted side (`10 TO 5`, `b TO a`) is an empty range on that side only, as in Meilisearch.
        return rangeDocs(col, numbers, [bound(from, true), bound(to, true)], hint);
      }
      case 'in':
        return unionMany(leaf.values.map((v) => equalDocs(col, v)));
      case 'exists':
        return col ? col.exists : EMPTY;
      case 'isNull':
        return col ? col.isNull : EMPTY;
      case 'isEmpty':
        return col ? col.isEmpty : EMPTY;
      case 'startsWith':
        return col ? startsWithDocs(col, normalizeFacetValue(leaf.value.raw)) : EMPTY;
      case 'contains':
        return col ? containsDocs(col, normalizeFacetValue(leaf.value.raw)) : EMPTY;
    }
    return EMPTY;
  }

  private geo(node: FilterGeo, hint: DocSet | null): DocSet {
    const points = this.columns.get(GEO_FIELD)?.geo;
    if (!points) return EMPTY;
    const num = (v: FilterValue): number => v.number ?? NaN;
    let test: (lat: number, lng: number) => boolean;
    if (node.kind === 'geoRadius') {
      const center: [number, number] = [num(node.lat), num(node.lng)];
      const limit = num(node.radius) + Number.EPSILON;
      test = (lat, lng) => distanceMeters(center, [lat, lng]) <= limit;
    } else if (node.kind === 'geoBoundingBox') {
      const top = num(node.topRight[0]);
      const right = num(node.topRight[1]);
      const bottom = num(node.bottomLeft[0]);
      const left = num(node.bottomLeft[1]);
      // Right of left: a plain range; otherwise the box crosses the antimeridian (180 → -180).
      const inLng = right < left ? (lng: number) => (lng >= left && lng <= 180) || (lng >= -180 && lng <= right) : (lng: number) => lng >= left && lng <= right;
      test = (lat, lng) => lat >= bottom && lat <= top && inLng(lng);
    } else {
      const polygon = node.points.map(([lat, lng]) => [num(lat), num(lng)] as [number, number]);
      test = (lat, lng) => pointInPolygon(lat, lng, polygon);
    }
    const out: number[] = [];
    const { docs, lat, lng } = points;
    if (hint && hint.length * 4 < docs.length) {
      // Few candidates: look their coordinates up instead of testing every point.
      let j = 0;
      for (let i = 0; i < hint.length; i++) {
        while (j < docs.length && docs[j] < hint[i]) j++;
        if (j < docs.length && docs[j] === hint[i] && test(lat[j], lng[j])) out.push(docs[j]);
      }
    } else {
      for (let i = 0; i < docs.length; i++) if (test(lat[i], lng[i])) out.push(docs[i]);
    }
    return Uint32Array.from(out);
  }
}

/** A string bound from an operand (normalized like stored values). */
function bound(v: FilterValue, inclusive: boolean): { value: string; inclusive: boolean } {
  return { value: normalizeFacetValue(v.raw), inclusive };
}

/** `=`: the normalized string, OR the number when the operand parses as a finite float. */
export function equalDocs(col: FacetIndex | null, v: FilterValue): DocSet {
  if (!col) return EMPTY;
  const s = col.findString(normalizeFacetValue(v.raw));
  const sDocs = s >= 0 ? col.stringDocs(s) : EMPTY;
  if (v.number === null) return sDocs;
  const n = col.findNumber(v.number === 0 ? 0 : v.number);
  const nDocs = n >= 0 ? col.numberDocs(n) : EMPTY;
  return unionMany([sDocs, nDocs]);
}

/**
 * Numeric range (when given) UNION string range. With a small universe hint, the hint's documents are
 * checked one by one against their values instead of unioning a wide run of values.
 */
function rangeDocs(col: FacetIndex | null, numbers: [Bound<number>, Bound<number>] | null, strings: [Bound<string>, Bound<string>], hint: DocSet | null): DocSet {
  if (!col) return EMPTY;
  const [nf, nt] = numbers ? col.numberRange(numbers[0], numbers[1]) : [0, 0];
  const [sf, st] = col.stringRange(strings[0], strings[1]);
  const size = col.numOffsets[nt] - col.numOffsets[nf] + (col.strOffsets[st] - col.strOffsets[sf]);
  if (size === 0) return EMPTY;
  if (hint && hint.length * 8 < size) {
    const out: number[] = [];
    for (let i = 0; i < hint.length; i++) {
      const d = hint[i];
      if ((nt > nf && anyIn(col.docNumberValues(d), nf, nt)) || (st > sf && anyIn(col.docStringValues(d), sf, st))) out.push(d);
    }
    return Uint32Array.from(out);
  }
  const parts: DocSet[] = [];
  if (nt > nf) parts.push(col.numbersDocs(nf, nt));
  if (st > sf) parts.push(col.stringsDocs(sf, st));
  return unionMany(parts);
}

function anyIn(values: Uint32Array, from: number, to: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] >= from && values[i] < to) return true;
  return false;
}

/** `STARTS WITH`: normalized values with that prefix; an empty prefix matches every document with the field. */
function startsWithDocs(col: FacetIndex, prefix: string): DocSet {
  if (prefix === '') return col.exists;
  const [from] = col.stringRange({ value: prefix, inclusive: true }, null);
  let to = from;
  while (to < col.strings.length && col.strings[to].startsWith(prefix)) to++;
  return to > from ? col.stringsDocs(from, to) : EMPTY;
}

/** `CONTAINS`: normalized values containing the substring. */
function containsDocs(col: FacetIndex, part: string): DocSet {
  const parts: DocSet[] = [];
  for (let i = 0; i < col.strings.length; i++) if (col.strings[i].includes(part)) parts.push(col.stringDocs(i));
  return unionMany(parts);
}
