/**
 * The `sort` parameter of search and of document listing (spec §1.3, §1.2): parsing with Meilisearch's
 * messages, then the checks against `rankingRules` and `sortableAttributes`.
 */
import { EngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import { parseAscDesc, type SortCriterion } from '../../settings/rankingRules.ts';
import { coversPath } from '../../indexes/fieldRules.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';
import { formatF64 } from '../filter/rustCompat.ts';
import { GEO_FIELD } from '../../indexer/segmentBuilder.ts';

/** The code of sort errors: search or document routes. */
export type SortErrorCode = 'invalid_search_sort' | 'invalid_document_sort';

function geoLngHint(lng: number): string {
  let wrapped = (lng + 180) % 360;
  if (wrapped < 0) wrapped += 360;
  return formatF64(wrapped - 180);
}

/** Meilisearch's message for one unparsable sort expression. */
function syntaxMessage(text: string): string | null {
  const r = parseAscDesc(text);
  if ('member' in r) {
    // Meilisearch also reserves `_geojson`, `_geo(…)` and `_geoDistance(…)` as sort fields.
    const f = 'field' in r.member ? r.member.field : '';
    if (f === '_geojson' || f.startsWith('_geo(') || f.startsWith('_geoDistance(')) {
      return `\`${f}\` is a reserved keyword and thus can't be used as a sort expression.`;
    }
    return null;
  }
  switch (r.kind) {
    case 'invalidSyntax':
      return `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${r.name}\`.`;
    case 'badGeoLat':
      return `Bad latitude \`${formatF64(r.value)}\`. Latitude must be contained between -90 and 90 degrees.`;
    case 'badGeoLng':
      return `Bad longitude \`${formatF64(r.value)}\`. Longitude must be contained between -180 and 180 degrees. Hint: try using \`${geoLngHint(r.value)}\` instead.`;
    case 'reservedKeyword': {
      const name = r.name;
      const useGeoPoint = 'Use the _geoPoint(latitude, longitude) built-in rule to sort on _geo field coordinates.';
      if (name.startsWith('_geoPoint')) {
        return `Invalid syntax for the geo parameter: expected expression formated like \`_geoPoint(latitude, longitude)\` and ending by \`:asc\` or \`:desc\`, found \`${name}\`.`;
      }
      if (name === GEO_FIELD) return `\`${name}\` is a reserved keyword and thus can't be used as a sort expression. ${useGeoPoint}`;
      if (name.startsWith('_geoRadius')) return `\`_geoRadius\` is a reserved keyword and thus can't be used as a sort expression. ${useGeoPoint}`;
      if (name.startsWith('_geoBoundingBox')) return `\`_geoBoundingBox\` is a reserved keyword and thus can't be used as a sort expression. ${useGeoPoint}`;
      return `\`${name}\` is a reserved keyword and thus can't be used as a sort expression.`;
    }
  }
}

/** Parses sort expressions (`f:asc`, `_geoPoint(lat, lng):desc`, split at the last `:`). */
export function parseSortExpressions(sort: readonly string[], code: SortErrorCode): SortCriterion[] {
  return sort.map((text) => {
    const message = syntaxMessage(text);
    if (message) throw new EngineError(code, message);
    return parseAscDesc(text) as SortCriterion;
  });
}

/** Whether `field` is sortable: one of `sortableAttributes` or nested under one (legacy matching). */
export function isSortable(sortable: readonly string[], field: string): boolean {
  return sortable.some((s) => coversPath(s, field));
}

/** `sortableAttributes` as Meilisearch lists them (sorted set), minus those hidden by displayedAttributes. */
function visibleSortable(state: IndexState): { fields: string[]; hidden: boolean } {
  const all = [...new Set(state.settings.sortableAttributes)].sort(compareUtf8);
  const displayed = state.settings.displayedAttributes;
  if (displayed.includes('*')) return { fields: all, hidden: false };
  const fields = all.filter((f) => displayed.includes(f));
  return { fields, hidden: fields.length < all.length };
}

function notSortable(state: IndexState, field: string, code: SortErrorCode): EngineError {
  if (code === 'invalid_document_sort') {
    const all = [...new Set(state.settings.sortableAttributes)].sort(compareUtf8);
    const tail = all.length ? `Available sortable attributes are: \`${all.join(', ')}\`.` : 'This index does not have configured sortable attributes.';
    return new EngineError(code, `Attribute \`${field}\` is not sortable. ${tail}`);
  }
  const { fields, hidden } = visibleSortable(state);
  const tail = fields.length
    ? `Available sortable attributes are: \`${fields.join(', ')}${hidden ? ', <..hidden-attributes>' : ''}\`.`
    : 'This index does not have configured sortable attributes.';
  return new EngineError(code, `Index \`${state.uid}\`: Attribute \`${field}\` is not sortable. ${tail}`);
}

/**
 * Parses and checks a `sort` parameter. Search (`invalid_search_sort`) also needs `sort` in the ranking
 * rules; its errors raised inside the index carry the "Index `uid`: " prefix, as Meilisearch's do.
 *
 * @example parseSortParam(state, ['price:asc', '_geoPoint(48.8, 2.3):desc'], 'invalid_search_sort')
 */
export function parseSortParam(state: IndexState, sort: readonly string[] | null, code: SortErrorCode): SortCriterion[] {
  if (!sort || sort.length === 0) return [];
  const criteria = parseSortExpressions(sort, code);
  if (code === 'invalid_search_sort' && !state.settings.rankingRules.includes('sort')) {
    throw new EngineError(
      code,
      `Index \`${state.uid}\`: You must specify where \`sort\` is listed in the rankingRules setting to use the sort parameter at search time.`,
    );
  }
  const sortable = state.settings.sortableAttributes;
  for (const c of criteria) {
    if ('field' in c.member) {
      if (!isSortable(sortable, c.member.field)) throw notSortable(state, c.member.field, code);
    } else if (!sortable.includes(GEO_FIELD)) throw notSortable(state, GEO_FIELD, code);
  }
  return criteria;
}
