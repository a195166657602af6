/**
 * The distinct attribute in effect (the `distinct` parameter over the `distinctAttribute` setting) and its
 * values per document (spec §5.7).
 */
import { EngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { PostingsReader } from '../postingsReader.ts';
import type { DistinctSource } from '../pipeline.ts';
import type { FacetIndex } from './facetIndex.ts';
import { filterablePatterns, isFilterEnabled, matchFilterableRule } from '../filter/index.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';
import { EMPTY, unionMany, type DocSet } from '../../storage/docSet.ts';

/** Patterns of `patterns` still displayed, and whether some were hidden (Meilisearch's `remove_hidden_fields`). */
export function visiblePatterns(state: IndexState, patterns: readonly string[]): { list: string[]; hidden: boolean } {
  const all = [...new Set(patterns)].sort(compareUtf8);
  const displayed = state.settings.displayedAttributes;
  if (displayed.includes('*')) return { list: all, hidden: false };
  const list = all.filter((p) => displayed.includes(p));
  return { list, hidden: list.length < all.length };
}

/**
 * The distinct attribute of a search, or null. A `distinct` parameter must name a filterable attribute
 * (else `invalid_search_distinct`, with Meilisearch's message); the setting is taken as is.
 *
 * @example resolveDistinct(state, 'sku') // 'sku' when filterable
 */
export function resolveDistinct(state: IndexState, param: string | null): string | null {
  if (param === null) return state.settings.distinctAttribute;
  const rules = state.settings.filterableAttributes;
  const match = matchFilterableRule(param, rules);
  if (match && isFilterEnabled(match.features)) return param;
  const { list, hidden } = visiblePatterns(state, filterablePatterns(rules));
  let tail: string;
  if (match) {
    const i = match.index;
    tail = `Note: this attribute matches rule #${i} in filterableAttributes, but this rule does not enable filtering.\nHint: enable filtering in rule #${i} by adding appropriate filter features.\nHint: prepend another rule matching ${param} with filter features before rule #${i}`;
  } else if (list.length === 0) tail = 'This index does not have configured filterable attributes.';
  else tail = `Available filterable attributes patterns are: \`${list.join(', ')}${hidden ? ', <..hidden-attributes>' : ''}\`.`;
  throw new EngineError(
    'invalid_search_distinct',
    `Index \`${state.uid}\`: Attribute \`${param}\` is not filterable and thus, cannot be used as distinct attribute. ${tail}`,
  );
}

/** Distinct keys of one document: numbers, then normalized strings. */
export function distinctKeys(col: FacetIndex | null, doc: number): (string | number)[] {
  if (!col) return [];
  const keys: (string | number)[] = [];
  for (const i of col.docNumberValues(doc)) keys.push(col.numbers[i]);
  for (const i of col.docStringValues(doc)) keys.push(col.strings[i]);
  return keys;
}

/**
 * Values of the distinct attribute per document (numbers and normalized strings; none when the document
 * lacks the field), read from the field's facet values.
 */
export function createDistinctSource(reader: PostingsReader, state: IndexState, field: string): DistinctSource {
  let column: Promise<FacetIndex | null> | undefined;
  const load = () => {
    const fid = state.fields.id(field);
    column ??= fid === undefined ? Promise.resolve(null) : reader.facetColumn(fid);
    return column;
  };
  return {
    async keys(docids: readonly number[]): Promise<Map<number, (string | number)[]>> {
      const col = await load();
      const out = new Map<number, (string | number)[]>();
      for (const d of docids) out.set(d, distinctKeys(col, d));
      return out;
    },
    async docsWithKeys(keys: readonly (string | number)[]): Promise<DocSet> {
      const col = await load();
      if (!col) return EMPTY;
      const parts: DocSet[] = [];
      for (const k of keys) {
        const i = typeof k === 'number' ? col.findNumber(k) : col.findString(k);
        if (i >= 0) parts.push(typeof k === 'number' ? col.numberDocs(i) : col.stringDocs(i));
      }
      return unionMany(parts);
    },
  };
}
