/** Ranking rules and `field:asc|desc` expressions (shared by settings, the `sort` parameter and document sort). */

export type BuiltinRule = 'words' | 'typo' | 'proximity' | 'attribute' | 'attributeRank' | 'wordPosition' | 'sort' | 'exactness';

export type RankingRule =
  | { kind: BuiltinRule }
  | { kind: 'asc' | 'desc'; field: string };

export type SortMember = { field: string } | { geo: [number, number] };
export interface SortCriterion {
  member: SortMember;
  order: 'asc' | 'desc';
}

const BUILTIN: readonly BuiltinRule[] = ['words', 'typo', 'proximity', 'attribute', 'attributeRank', 'wordPosition', 'sort', 'exactness'];

export type AscDescError =
  | { kind: 'invalidSyntax'; name: string }
  | { kind: 'reservedKeyword'; name: string }
  | { kind: 'badGeoLat'; value: number }
  | { kind: 'badGeoLng'; value: number };

export function isReservedKeyword(name: string): boolean {
  return ['_geo', '_geoDistance', '_geoPoint', '_geoRadius', '_geoBoundingBox', '_geoPolygon'].includes(name);
}

function parseMember(text: string): SortMember | AscDescError {
  const inner = text.startsWith('_geoPoint(') && text.endsWith(')') ? text.slice('_geoPoint('.length, -1) : undefined;
  if (inner !== undefined) {
    const comma = inner.indexOf(',');
    if (comma < 0) return { kind: 'reservedKeyword', name: text };
    const lat = parseRustFloat(inner.slice(0, comma).trim());
    const lng = parseRustFloat(inner.slice(comma + 1).trim());
    if (lat === undefined || lng === undefined) return { kind: 'reservedKeyword', name: text };
    if (!(lat >= -90 && lat <= 90)) return { kind: 'badGeoLat', value: lat };
    if (!(lng >= -180 && lng <= 180)) return { kind: 'badGeoLng', value: lng };
    return { geo: [lat, lng] };
  }
  if (isReservedKeyword(text) || text.startsWith('_geoPoint(') || text.startsWith('_geoRadius(') || text.startsWith('_geoBoundingBox(')) {
    return { kind: 'reservedKeyword', name: text };
  }
  return { field: text };
}

/** Parses a float the way Rust's `f64::from_str` does (no hex, no trailing junk; `inf`, `NaN` accepted). */
export function parseRustFloat(s: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(s)) return undefined;
  const lower = s.toLowerCase().replace(/^\+/, '');
  if (lower === 'inf' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (lower.endsWith('nan')) return NaN;
  return Number(s);
}

/** `field:asc` / `_geoPoint(1, 2):desc`, split at the last `:`. */
export function parseAscDesc(text: string): SortCriterion | AscDescError {
  const i = text.lastIndexOf(':');
  if (i < 0) return { kind: 'invalidSyntax', name: text };
  const order = text.slice(i + 1);
  if (order !== 'asc' && order !== 'desc') return { kind: 'invalidSyntax', name: text };
  const member = parseMember(text.slice(0, i));
  if ('kind' in member) return member;
  return { member, order };
}

/** Parses one ranking rule, or returns Meilisearch's error message for it. */
export function parseRankingRule(text: string): RankingRule | { error: string } {
  if ((BUILTIN as readonly string[]).includes(text)) return { kind: text as BuiltinRule };
  const r = parseAscDesc(text);
  if ('member' in r) {
    if ('geo' in r.member) return { error: reservedForSort('_geoPoint') };
    return { kind: r.order, field: r.member.field };
  }
  switch (r.kind) {
    case 'invalidSyntax':
      return { error: `\`${r.name}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.` };
    case 'badGeoLat':
    case 'badGeoLng':
      return { error: reservedForSort('_geoPoint') };
    case 'reservedKeyword':
      if (r.name.startsWith('_geoPoint')) return { error: reservedForSort('_geoPoint') };
      if (r.name.startsWith('_geoRadius')) return { error: reservedForFilter('_geoRadius') };
      if (r.name.startsWith('_geoBoundingBox')) return { error: reservedForFilter('_geoBoundingBox') };
      return { error: `\`${r.name}\` is a reserved keyword and thus can't be used as a ranking rule` };
  }
}

function reservedForSort(name: string): string {
  return `\`${name}\` is a reserved keyword and thus can't be used as a ranking rule. \`${name}\` can only be used for sorting at search time`;
}

function reservedForFilter(name: string): string {
  return `\`${name}\` is a reserved keyword and thus can't be used as a ranking rule. \`${name}\` can only be used for filtering at search time`;
}

export const MIXED_ATTRIBUTE_RULES_MESSAGE =
  'Mixed usage of the attribute, attributeRank, and wordPosition ranking rules. You must either use the attribute ranking rule alone or the attributeRank and wordPosition ranking rules.';

/** True when `attribute` is used together with `attributeRank` or `wordPosition`. */
export function hasMixedAttributeRules(rules: readonly string[]): boolean {
  return rules.includes('attribute') && (rules.includes('attributeRank') || rules.includes('wordPosition'));
}
