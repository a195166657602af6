/**
 * The filter AST (spec §6): what {@link parseFilter} produces and the filter evaluator consumes.
 *
 * Shapes follow Meilisearch's semantics: `x != v` is its own operator (it is not `NOT x = v`),
 * `x NOT IN [..]`, `x NOT EXISTS`, `x IS NOT NULL`, `x IS NOT EMPTY`, `x NOT CONTAINS v` and
 * `x NOT STARTS WITH v` become a {@link FilterNot} around the positive leaf, and double negations
 * cancel out (`NOT NOT x = 1` is `x = 1`). Every token keeps its {@link FilterSpan}, from which the
 * `start:end <filter>` line of Meilisearch's error messages is built (see `formatSpanPosition`).
 */

/** The text a span points into. Shared by all spans of one parsed string. */
export interface FilterSource {
  /** The string that was parsed: the filter, or one element of the array form. */
  readonly text: string;
  /** What Meilisearch prints after the position in error messages (`text`, or a slice of it inside `_foreign(..)`). */
  readonly shown: string;
}

/** Where a token sits in its source: UTF-16 offsets `[start, end)` into `source.text`. */
export interface FilterSpan {
  readonly start: number;
  readonly end: number;
  readonly source: FilterSource;
}

/** A value operand (or a `_geo*` argument). */
export interface FilterValue {
  /** The value as the user meant it: quotes removed, `\'`/`\"` and other escapes resolved. */
  readonly raw: string;
  /** `raw` parsed as a finite f64 with Rust's float grammar (`1`, `-2.5`, `.5`, `1e3`), else `null`. */
  readonly number: number | null;
  /** The value as written (inside the quotes when quoted). */
  readonly span: FilterSpan;
}

/** Operators of {@link FilterCompare}. */
export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

interface LeafBase {
  /** The attribute (left operand), a dotted path for nested fields, quotes and escapes resolved. */
  readonly attribute: string;
  readonly attributeSpan: FilterSpan;
}

/** `a = v`, `a != v`, `a < v`, `a <= v`, `a > v`, `a >= v`. */
export interface FilterCompare extends LeafBase {
  readonly kind: 'compare';
  readonly operator: CompareOperator;
  readonly value: FilterValue;
}

/** `a from TO to` (both bounds inclusive). */
export interface FilterRange extends LeafBase {
  readonly kind: 'range';
  readonly from: FilterValue;
  readonly to: FilterValue;
}

/** `a IN [v1, v2, ...]` (an OR of `=`; the list may be empty). */
export interface FilterIn extends LeafBase {
  readonly kind: 'in';
  readonly values: readonly FilterValue[];
}

/** `a EXISTS`, `a IS NULL`, `a IS EMPTY`. */
export interface FilterUnary extends LeafBase {
  readonly kind: 'exists' | 'isNull' | 'isEmpty';
}

/** `a STARTS WITH v`, `a CONTAINS v`; `keywordSpan` covers `STARTS WITH` / `CONTAINS`. */
export interface FilterText extends LeafBase {
  readonly kind: 'startsWith' | 'contains';
  readonly value: FilterValue;
  readonly keywordSpan: FilterSpan;
}

/** A `[lat, lng]` pair of a geo function. */
export type GeoPoint = readonly [lat: FilterValue, lng: FilterValue];

/** `_geoRadius(lat, lng, meters[, resolution])`. */
export interface FilterGeoRadius {
  readonly kind: 'geoRadius';
  readonly lat: FilterValue;
  readonly lng: FilterValue;
  readonly radius: FilterValue;
  readonly resolution: FilterValue | null;
}

/** `_geoBoundingBox([topRightLat, topRightLng], [bottomLeftLat, bottomLeftLng])`. */
export interface FilterGeoBoundingBox {
  readonly kind: 'geoBoundingBox';
  readonly topRight: GeoPoint;
  readonly bottomLeft: GeoPoint;
}

/** `_geoPolygon([lat, lng], [lat, lng], [lat, lng], ...)` (at least 3 points). */
export interface FilterGeoPolygon {
  readonly kind: 'geoPolygon';
  readonly points: readonly GeoPoint[];
}

/** Conjunction. */
export interface FilterAnd {
  readonly kind: 'and';
  /** Two or more children. */
  readonly children: readonly FilterNode[];
}

/** Disjunction. */
export interface FilterOr {
  readonly kind: 'or';
  /** Two or more children. */
  readonly children: readonly FilterNode[];
}

/** Negation: the documents not matched by `child` (including documents without the attribute). */
export interface FilterNot {
  readonly kind: 'not';
  /** Never itself a `not` (double negations are removed while parsing). */
  readonly child: FilterNode;
}

/** Leaves that name an attribute. */
export type FilterLeaf = FilterCompare | FilterRange | FilterIn | FilterUnary | FilterText;

/** Geo functions (they name no attribute; they need `_geo` filterable). */
export type FilterGeo = FilterGeoRadius | FilterGeoBoundingBox | FilterGeoPolygon;

/** A parsed filter expression. */
export type FilterNode = FilterAnd | FilterOr | FilterNot | FilterLeaf | FilterGeo;
