/**
 * Hits as returned (spec §1.3, §7): retrieved attributes (attributesToRetrieve ∩ displayedAttributes),
 * `_geoDistance`, `_formatted` (highlighted/cropped attributes plus the retrieved ones, every number as a
 * string), `_matchesPosition`, `_rankingScore` and `_rankingScoreDetails`, in Meilisearch's key order.
 */
import type { IndexState } from '../../indexes/indexState.ts';
import type { DocumentRecord } from '../../indexes/indexRecords.ts';
import type { Document } from '../../types/indexes.ts';
import type { Hit, MatchPosition } from '../../types/search.ts';
import type { Analyzer } from '../../text/types.ts';
import type { ResolvedSearchParams } from '../searchParams.ts';
import type { MatchingWords, RankedHit } from '../pipeline.ts';
import { shapeDocument } from '../documentShape.ts';
import { selectFields } from '../../documents/selectFields.ts';
import { VECTORS_FIELD } from '../../documents/flatten.ts';
import { createAnalyzer } from '../../text/analyzer.ts';
import { isSameOrNestedField, matchesAttributePattern } from '../filter/index.ts';
import { QueryMatcher } from './matcher.ts';
import { formatLeaf, type FormatOptions, type FormatTags } from './formatValue.ts';
import { geoDistanceOf } from './geoDistance.ts';

const analyzers = new WeakMap<IndexState, Analyzer>();

/** The highlighter's analyzer: the index's separators and dictionary, but no stop words (as Meilisearch's). */
export function formattingAnalyzer(state: IndexState): Analyzer {
  let a = analyzers.get(state);
  if (!a) {
    const s = state.settings;
    a = createAnalyzer({ separatorTokens: s.separatorTokens, nonSeparatorTokens: s.nonSeparatorTokens, dictionary: s.dictionary });
    analyzers.set(state, a);
  }
  return a;
}

/** Field names of the index that are displayed (every field with `*`). */
export function displayedNames(state: IndexState): string[] {
  const displayed = state.settings.displayedAttributes;
  if (displayed.includes('*')) return [...state.fields.names];
  return displayed.filter((d) => state.fields.id(d) !== undefined);
}

/** Names to retrieve: `attributesToRetrieve` (`*` = all displayed, unknown names dropped) ∩ displayed. */
export function retrievedNames(state: IndexState, displayed: readonly string[], toRetrieve: readonly string[] | null): string[] {
  if (toRetrieve === null || toRetrieve.includes('*')) return [...displayed];
  const shown = new Set(displayed);
  return toRetrieve.filter((a, i) => shown.has(a) && toRetrieve.indexOf(a) === i);
}

/** Highlight/crop options per field name (Meilisearch's `compute_formatted_options`). */
export function formattedOptions(p: ResolvedSearchParams, displayed: readonly string[], retrieved: readonly string[]): Map<string, FormatOptions> {
  const out = new Map<string, FormatOptions>();
  const shown = new Set(displayed);
  for (const attr of p.attributesToHighlight ?? []) {
    if (attr === '*') {
      for (const d of displayed) out.set(d, { highlight: true, crop: null });
      break;
    }
    if (shown.has(attr)) out.set(attr, { highlight: true, crop: null });
  }
  for (const attr of p.attributesToCrop ?? []) {
    const colon = attr.lastIndexOf(':');
    let name = attr;
    let length = p.cropLength;
    if (colon >= 0) {
      name = attr.slice(0, colon);
      const n = attr.slice(colon + 1);
      length = /^\+?\d+$/.test(n) && Number(n) <= Number.MAX_SAFE_INTEGER ? Number(n) : p.cropLength;
    }
    const crop = (field: string) => out.set(field, { highlight: out.get(field)?.highlight ?? false, crop: length });
    if (name === '*') for (const d of displayed) crop(d);
    if (shown.has(name)) crop(name);
  }
  if (out.size) for (const r of retrieved) if (!out.has(r)) out.set(r, { highlight: false, crop: null });
  return out;
}

/** Locales of a field: the search's, else those of the first `localizedAttributes` rule matching it. */
function localesFor(state: IndexState, p: ResolvedSearchParams, key: string): readonly string[] | undefined {
  if (p.locales) return p.locales;
  const rule = state.settings.localizedAttributes?.find((r) => r.attributePatterns.some((pat) => matchesAttributePattern(pat, key)));
  return rule?.locales;
}

const related = (a: string, b: string) => isSameOrNestedField(a, b) || isSameOrNestedField(b, a);

/**
 * Builds `_formatted` and `_matchesPosition` of one document: every displayed leaf is visited (arrays
 * element by element, with their indices); the options of every formatted field related to the leaf
 * (same, parent or child) are merged.
 */
function formatDocument(
  state: IndexState,
  doc: Document,
  p: ResolvedSearchParams,
  ctx: { displayed: string[]; options: Map<string, FormatOptions>; matcher: QueryMatcher; analyzer: Analyzer; tags: FormatTags },
): { formatted: Document; positions: Record<string, MatchPosition[]> | null } {
  const order = (k: string) => state.fields.id(k) ?? Number.MAX_SAFE_INTEGER;
  const selectors = p.showMatchesPosition ? ctx.displayed : [...ctx.options.keys()];
  const work = structuredClone(selectFields(doc, selectors, order)) as Document;
  // Vectors are never formatted (Meilisearch keeps them out of the formatted document unless retrieved).
  if (!p.retrieveVectors) delete work[VECTORS_FIELD];
  const positions: Record<string, MatchPosition[]> | null = p.showMatchesPosition ? {} : null;
  const formatting = [...ctx.options].filter(([, o]) => o.highlight || o.crop !== null);
  const visit = (value: unknown, key: string, indices: number[], set: (v: unknown) => void): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, key, [...indices, i], (nv) => (value[i] = nv)));
      return;
    }
    if (value !== null && typeof value === 'object') {
      walk(value as Document, key, indices);
      return;
    }
    let options: FormatOptions | null = null;
    for (const [name, o] of formatting) {
      if (!related(name, key)) continue;
      options = options ? { highlight: options.highlight || o.highlight, crop: options.crop ?? o.crop } : o;
    }
    const found: MatchPosition[] | null = positions ? [] : null;
    set(formatLeaf(value, options, ctx.matcher, ctx.analyzer, ctx.tags, localesFor(state, p, key), indices, found));
    // Meilisearch keeps the positions of the last value of a key that had some (arrays overwrite).
    if (positions && found && found.length) positions[key] = found;
  };
  const walk = (obj: Document, base: string, indices: number[]): void => {
    for (const k of Object.keys(obj)) {
      const key = base ? `${base}.${k}` : k;
      if (!ctx.displayed.some((d) => related(d, key))) continue;
      visit(obj[k], key, indices, (v) => (obj[k] = v));
    }
  };
  walk(work, '', []);
  const formatted = selectFields(work, [...ctx.options.keys()], order);
  return { formatted, positions: positions ? sortedKeys(positions) : null };
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = o[k];
  return out;
}

/**
 * Shapes the hits of a page.
 *
 * @example
 * ```ts
 * const hits = formatHits(state, docs, ranking.page, params, query?.matchingWords ?? null);
 * ```
 */
export function formatHits(state: IndexState, docs: DocumentRecord[], page: RankedHit[], p: ResolvedSearchParams, words: MatchingWords | null): Hit[] {
  const displayed = displayedNames(state);
  const retrieved = retrievedNames(state, displayed, p.attributesToRetrieve);
  const options = formattedOptions(p, displayed, retrieved);
  const needFormat = p.showMatchesPosition || options.size > 0;
  const ctx = needFormat
    ? {
        displayed,
        options,
        matcher: new QueryMatcher(words),
        analyzer: formattingAnalyzer(state),
        tags: { preTag: p.highlightPreTag, postTag: p.highlightPostTag, cropMarker: p.cropMarker },
      }
    : null;
  return docs.map((r, i) => {
    const hit: Hit = shapeDocument(state, r.doc, retrieved, p.retrieveVectors);
    const ranked = page[i];
    const distance = geoDistanceOf(p.sort, hit);
    if (distance !== null) hit._geoDistance = distance;
    if (ctx) {
      const { formatted, positions } = formatDocument(state, r.doc, p, ctx);
      if (Object.keys(formatted).length) hit._formatted = formatted;
      if (positions) hit._matchesPosition = positions;
    }
    if (p.showRankingScore && ranked.score !== undefined) hit._rankingScore = ranked.score;
    if (p.showRankingScoreDetails && ranked.details !== undefined) hit._rankingScoreDetails = ranked.details;
    return hit;
  });
}
