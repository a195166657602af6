/**
 * Settings as dumps store them, converted to a pocketsearch settings update: v6 `settings.json` (kept as is,
 * keys this engine does not know dropped) and the older shapes of v1–v5 (`attributesForFaceting`,
 * `asc(field)` ranking rules, v1's `UpdateState` task settings, `"*"` meaning "all").
 * The conversions follow what Meilisearch's dump compat chain does to reach v6.
 */
import { SETTINGS_KEYS as ENGINE_SETTINGS_KEYS } from '../../engine/settings/defaults.ts';
import type { SettingsUpdate } from '../../engine/types/settings.ts';
import { isObject, type JsonObject } from './jsonShape.ts';

/** Every settings key pocketsearch understands (Meilisearch's v6 `GET /settings` keys). */
export const SETTINGS_KEYS: readonly string[] = ENGINE_SETTINGS_KEYS;

const KNOWN = new Set(SETTINGS_KEYS);

/** A converted settings object and the keys that were dropped because this engine does not know them. */
export interface ConvertedSettings {
  settings: SettingsUpdate;
  ignored: string[];
}

/** v6 settings (index `settings.json` or a task's settings): known keys kept verbatim, others dropped. */
export function settingsFromV6(value: JsonObject): ConvertedSettings {
  const settings: JsonObject = {};
  const ignored: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (KNOWN.has(k)) settings[k] = v;
    else ignored.push(k);
  }
  return { settings: settings as SettingsUpdate, ignored };
}

const V6_RULES = new Set(['words', 'typo', 'proximity', 'attribute', 'attributeRank', 'wordPosition', 'sort', 'exactness']);
const RESERVED_SORT = /^_geo(Point|Radius|BoundingBox|Distance)?(\(|$)/;

/** Keeps the ranking rules a v6 engine accepts (`words`…`exactness`, `field:asc|desc`); drops the rest. */
function keepV6Rule(rule: string, dropped: string[]): string | null {
  if (V6_RULES.has(rule)) return rule;
  const m = /^(.*):(asc|desc)$/.exec(rule);
  if (m && m[1] !== '' && !RESERVED_SORT.test(m[1])) return rule;
  dropped.push(rule);
  return null;
}

/** Old `asc(field)` / `desc(field)` syntax → `field:asc` (v0.21 and earlier); other rules unchanged. */
function modernizeRule(rule: string): string {
  const m = /^(asc|desc)\((.*)\)$/.exec(rule);
  return m ? `${m[2]}:${m[1]}` : rule;
}

/** v1 ranking rule strings (`typo`, `wordsPosition`, `asc(field)`…) → v2 criteria; unknown ones dropped. */
function v1Rule(rule: string, dropped: string[]): string | null {
  if (['typo', 'words', 'proximity', 'attribute', 'exactness'].includes(rule)) return rule;
  if (rule === 'wordsPosition') {
    dropped.push(rule);
    return null;
  }
  const m = /(asc|desc)\(([\w-]+)\)/.exec(rule);
  if (m) return `${m[2]}:${m[1]}`;
  dropped.push(rule);
  return null;
}

/** v1 `RankingRule` enum values as serde wrote them in v1 task settings (`"Typo"`, `{"Asc":"price"}`). */
function v1EnumRule(rule: unknown, dropped: string[]): string | null {
  if (typeof rule === 'string') {
    const names: Record<string, string> = { Typo: 'typo', Words: 'words', Proximity: 'proximity', Attribute: 'attribute', Exactness: 'exactness' };
    if (names[rule]) return names[rule];
    dropped.push(rule);
    return null;
  }
  if (isObject(rule)) {
    if (typeof rule.Asc === 'string') return `${rule.Asc}:asc`;
    if (typeof rule.Desc === 'string') return `${rule.Desc}:desc`;
  }
  dropped.push(JSON.stringify(rule));
  return null;
}

/** Where a legacy settings object comes from; decides which old names and shapes it may use. */
export type LegacySettingsSource =
  | { version: 1; place: 'index' }
  | { version: 1; place: 'task' }
  | { version: 2 | 3 | 4 | 5; place: 'index' | 'task' };

/**
 * Converts v1–v5 settings to a v6 settings update.
 * - `place: 'index'` (an index's settings): `"*"` in displayed/searchable attributes and `null` values
 *   mean "default", so those keys are left out (the index is new, defaults apply).
 * - `place: 'task'` (a task's settings): `null` (reset) is kept, `["*"]` too, as Meilisearch keeps them.
 * Ranking rules that no longer exist are dropped and reported in `ignored` as `rankingRules:<rule>`.
 */
export function settingsFromLegacy(value: JsonObject, source: LegacySettingsSource): ConvertedSettings {
  const dropped: string[] = [];
  const ignored: string[] = [];
  // Normalize to camelCase keys with `undefined` = not set, `null` = reset.
  const v: JsonObject = {};
  if (source.version === 1 && source.place === 'task') {
    for (const [k, raw] of Object.entries(value)) {
      const key = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      if (raw === 'Nothing') continue;
      if (raw === 'Clear') v[key] = null;
      else if (isObject(raw) && 'Update' in raw) v[key] = raw.Update;
    }
    if (Array.isArray(v.rankingRules)) {
      v.rankingRules = v.rankingRules.map((r) => v1EnumRule(r, dropped)).filter((r) => r !== null);
    }
    delete v.primaryKey;
  } else {
    Object.assign(v, value);
    if (source.version === 1 && Array.isArray(v.rankingRules)) {
      v.rankingRules = v.rankingRules.map((r) => (typeof r === 'string' ? v1Rule(r, dropped) : null)).filter((r) => r !== null);
    }
    if (source.version === 2 && Array.isArray(v.rankingRules)) {
      v.rankingRules = v.rankingRules.map((r) => (typeof r === 'string' ? modernizeRule(r) : r));
    }
  }
  if (source.version === 1 && 'attributesForFaceting' in v) {
    v.filterableAttributes = v.attributesForFaceting;
    v.sortableAttributes = v.attributesForFaceting;
    delete v.attributesForFaceting;
  }
  if (Array.isArray(v.rankingRules)) {
    v.rankingRules = v.rankingRules.map((r) => (typeof r === 'string' ? keepV6Rule(r, dropped) : null)).filter((r) => r !== null);
  }
  if (isObject(v.faceting)) v.faceting = pick(v.faceting, ['maxValuesPerFacet']);
  if (isObject(v.pagination)) {
    const p = pick(v.pagination, ['maxTotalHits']);
    if (p.maxTotalHits === 0) p.maxTotalHits = 1;
    v.pagination = p;
  }
  if (isObject(v.typoTolerance)) {
    v.typoTolerance = pick(v.typoTolerance, ['enabled', 'minWordSizeForTypos', 'disableOnWords', 'disableOnAttributes']);
  }
  const legacyKeys = ['displayedAttributes', 'searchableAttributes', 'filterableAttributes', 'sortableAttributes', 'rankingRules', 'stopWords', 'synonyms', 'distinctAttribute', 'typoTolerance', 'faceting', 'pagination'];
  const out: JsonObject = {};
  for (const [k, val] of Object.entries(v)) {
    if (!legacyKeys.includes(k)) {
      if (k !== 'type') ignored.push(k);
      continue;
    }
    if (val === undefined) continue;
    if (source.place === 'index') {
      if (val === null) continue;
      if ((k === 'displayedAttributes' || k === 'searchableAttributes') && Array.isArray(val) && val.includes('*')) continue;
      if (isObject(val)) {
        const inner = Object.fromEntries(Object.entries(val).filter(([, x]) => x !== null && x !== undefined));
        out[k] = inner;
        continue;
      }
    }
    out[k] = val;
  }
  for (const r of dropped) ignored.push(`rankingRules:${r}`);
  return { settings: out as SettingsUpdate, ignored };
}

function pick(o: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of keys) if (k in o) out[k] = o[k];
  return out;
}
