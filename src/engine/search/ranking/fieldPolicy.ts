/**
 * Which fields a search looks at and how: searchable fields and their weights, typo-disabled (exact) fields, and
 * the `attributesToSearchOn` restriction with Meilisearch's validation and error (spec §1.3).
 */
import { EngineError } from '../../../errors/engineError.ts';
import type { ErrorCode } from '../../../errors/errorCodes.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import { coversPath, matchesPattern, searchableWeight } from '../../indexes/fieldRules.ts';
import { VECTORS_FIELD } from '../../documents/flatten.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';

export interface RestrictedFields {
  /** restricted fields that are typo tolerant */
  tolerant: ReadonlySet<number>;
  /** restricted fields listed in `typoTolerance.disableOnAttributes` */
  exact: ReadonlySet<number>;
  all: ReadonlySet<number>;
}

export interface FieldPolicy {
  /** searchable field ids in field-id order, with their names */
  searchable: { fid: number; name: string }[];
  /** weight (0-based rank in `searchableAttributes`) of each searchable field */
  weights: ReadonlyMap<number, number>;
  /** highest weight when `searchableAttributes` is an explicit list, else null */
  maxWeight: number | null;
  /** fields where words never match through typos */
  exactFids: ReadonlySet<number>;
  /** the `attributesToSearchOn` restriction, null when every searchable field is searched */
  restricted: RestrictedFields | null;
  disableOnNumbers: boolean;
  byAttribute: boolean;
}

function userDefinedSearchable(state: IndexState): string[] | null {
  const s = state.settings.searchableAttributes;
  return s.includes('*') ? null : s;
}

/**
 * Builds the policy; `attributesToSearchOn` entries that are not searchable fail with Meilisearch's error
 * (`code` is the route's code) unless searchable attributes are `["*"]` or the entry is a declared searchable
 * attribute no document has yet.
 */
export function fieldPolicy(state: IndexState, attributesToSearchOn: readonly string[] | null, code: ErrorCode = 'invalid_search_attributes_to_search_on'): FieldPolicy {
  const settings = state.settings;
  const searchable: { fid: number; name: string }[] = [];
  const weights = new Map<number, number>();
  state.fields.names.forEach((name, fid) => {
    if (name === VECTORS_FIELD || name.startsWith(`${VECTORS_FIELD}.`)) return;
    const w = searchableWeight(settings.searchableAttributes, name);
    if (w < 0) return;
    searchable.push({ fid, name });
    weights.set(fid, w);
  });
  const userDefined = userDefinedSearchable(state);
  const exactAttributes = settings.typoTolerance.disableOnAttributes;
  const exactFids = new Set<number>();
  for (const { fid, name } of searchable) if (exactAttributes.some((a) => coversPath(a, name))) exactFids.add(fid);
  return {
    searchable,
    weights,
    maxWeight: userDefined ? Math.max(0, userDefined.length - 1) : null,
    exactFids,
    restricted: attributesToSearchOn ? restrictFields(state, searchable, exactFids, userDefined, attributesToSearchOn, code) : null,
    disableOnNumbers: settings.typoTolerance.disableOnNumbers,
    byAttribute: settings.proximityPrecision === 'byAttribute',
  };
}

function restrictFields(
  state: IndexState,
  searchable: readonly { fid: number; name: string }[],
  exactFids: ReadonlySet<number>,
  userDefined: readonly string[] | null,
  names: readonly string[],
  code: ErrorCode,
): RestrictedFields | null {
  let universal = false;
  const picked: number[] = [];
  for (const name of names) {
    if (name === '*') {
      // Keep going: later unknown names must still fail.
      universal = true;
      continue;
    }
    const exact = searchable.find((s) => s.name === name);
    if (!exact && name.includes('*')) {
      const matching = searchable.filter((s) => matchesPattern(name, s.name));
      if (matching.length) {
        picked.push(...matching.map((s) => s.fid));
        continue;
      }
    }
    if (exact) {
      picked.push(exact.fid);
      continue;
    }
    if (userDefined === null || userDefined.includes(name)) continue;
    const displayed = state.settings.displayedAttributes;
    const all = [...new Set(searchable.map((s) => s.name))].sort(compareUtf8);
    const valid = displayed.includes('*') ? all : all.filter((n) => displayed.includes(n));
    const hidden = valid.length < all.length ? ', <..hidden-attributes>' : '';
    throw new EngineError(code, `Index \`${state.uid}\`: Attribute \`${name}\` is not searchable. Available searchable attributes are: \`${valid.join(', ')}${hidden}\`.`);
  }
  if (universal) return null;
  const tolerant = new Set<number>();
  const exact = new Set<number>();
  for (const fid of picked) (exactFids.has(fid) ? exact : tolerant).add(fid);
  return { tolerant, exact, all: new Set(picked) };
}

/**
 * Locales for tokenizing the query: the `locales` parameter, else those of the `localizedAttributes` rules of the
 * searched fields (a field without a rule does not widen the set). Empty = no restriction.
 */
export function queryLocales(state: IndexState, policy: FieldPolicy, param: readonly string[] | null): string[] {
  if (param) return [...param];
  const rules = state.settings.localizedAttributes;
  if (!rules) return [];
  const out = new Set<string>();
  const fids = policy.restricted ? [...policy.restricted.all] : policy.searchable.map((s) => s.fid);
  for (const fid of fids) {
    const name = state.fields.name(fid);
    if (name === undefined) continue;
    const rule = rules.find((r) => r.attributePatterns.some((p) => matchesPattern(p, name)));
    if (rule) for (const l of rule.locales) out.add(l);
  }
  return [...out].sort();
}
