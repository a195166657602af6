/**
 * Synchronous validation of a settings update (what Meilisearch rejects with 400 before enqueuing):
 * types, enum values, ranking-rule syntax, locales. Returns the update normalized as Meilisearch stores
 * it in the task (sets sorted and deduplicated, rule objects completed).
 */
import { EngineError } from '../../errors/engineError.ts';
import type { ErrorCode } from '../../errors/errorCodes.ts';
import { compareUtf8 } from '../storage/byteCodec.ts';
import type { FilterableAttribute, Settings, SettingsKey, SettingsUpdate } from '../types/settings.ts';
import {
  checkKnownFields,
  expectBoolean,
  expectObject,
  expectPositiveInteger,
  expectString,
  expectStringArray,
  isPlainObject,
  typeError,
  unknownField,
  unknownValue,
  valueError,
} from '../validation/jsonValidation.ts';
import { SETTINGS_FIELDS_FOR_ERRORS, SETTINGS_KEYS } from './defaults.ts';
import { canonicalLocale, unsupportedLocaleMessage } from './locales.ts';
import { parseRankingRule } from './rankingRules.ts';

export function settingsErrorCode(key: SettingsKey): ErrorCode {
  return `invalid_settings_${key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}` as ErrorCode;
}

function sortedSet(values: string[]): string[] {
  return [...new Set(values)].sort(compareUtf8);
}

function join(path: string, key: string): string {
  return `${path}.${key}`;
}

function u8(code: ErrorCode, path: string, v: unknown): number {
  const n = expectPositiveInteger(code, path, v);
  if (n > 255) throw valueError(code, path, `value: \`${n}\` is too large to be deserialized, maximum value authorized is \`255\``);
  return n;
}

function parseFilterable(code: ErrorCode, path: string, v: unknown): FilterableAttribute[] {
  if (!Array.isArray(v)) throw typeError(code, path, 'an array', v);
  return v.map((rule, i): FilterableAttribute => {
    const p = `${path}[${i}]`;
    if (typeof rule === 'string') return rule;
    if (!isPlainObject(rule)) throw typeError(code, p, 'a string or an object', rule);
    checkKnownFields(code, rule, ['attributePatterns', 'features'], p);
    if (!('attributePatterns' in rule)) throw new EngineError(code, `Missing field \`attributePatterns\` inside \`${p}\``);
    const attributePatterns = expectStringArray(code, join(p, 'attributePatterns'), rule.attributePatterns);
    const features = { facetSearch: false, filter: { equality: true, comparison: false } };
    if (rule.features !== undefined && rule.features !== null) {
      const f = expectObject(code, join(p, 'features'), rule.features);
      checkKnownFields(code, f, ['facetSearch', 'filter'], join(p, 'features'));
      if (f.facetSearch !== undefined) features.facetSearch = expectBoolean(code, join(p, 'features.facetSearch'), f.facetSearch);
      if (f.filter !== undefined) {
        const fp = join(p, 'features.filter');
        const flt = expectObject(code, fp, f.filter);
        checkKnownFields(code, flt, ['equality', 'comparison'], fp);
        if (flt.equality !== undefined) features.filter.equality = expectBoolean(code, join(fp, 'equality'), flt.equality);
        if (flt.comparison !== undefined) features.filter.comparison = expectBoolean(code, join(fp, 'comparison'), flt.comparison);
      }
    }
    return { attributePatterns, features };
  });
}

function parseTypoTolerance(code: ErrorCode, path: string, v: unknown): SettingsUpdate['typoTolerance'] {
  const o = expectObject(code, path, v);
  checkKnownFields(code, o, ['enabled', 'minWordSizeForTypos', 'disableOnWords', 'disableOnAttributes', 'disableOnNumbers'], path);
  const out: Record<string, unknown> = {};
  if (o.enabled !== undefined) out.enabled = o.enabled === null ? null : expectBoolean(code, join(path, 'enabled'), o.enabled);
  if (o.minWordSizeForTypos !== undefined) {
    if (o.minWordSizeForTypos === null) out.minWordSizeForTypos = null;
    else {
      const mp = join(path, 'minWordSizeForTypos');
      const m = expectObject(code, mp, o.minWordSizeForTypos);
      checkKnownFields(code, m, ['oneTypo', 'twoTypos'], mp);
      const sizes: Record<string, number | null> = {};
      if (m.oneTypo !== undefined) sizes.oneTypo = m.oneTypo === null ? null : u8(code, join(mp, 'oneTypo'), m.oneTypo);
      if (m.twoTypos !== undefined) sizes.twoTypos = m.twoTypos === null ? null : u8(code, join(mp, 'twoTypos'), m.twoTypos);
      out.minWordSizeForTypos = sizes;
    }
  }
  for (const k of ['disableOnWords', 'disableOnAttributes'] as const) {
    if (o[k] !== undefined) out[k] = o[k] === null ? null : sortedSet(expectStringArray(code, join(path, k), o[k]));
  }
  if (o.disableOnNumbers !== undefined) out.disableOnNumbers = o.disableOnNumbers === null ? null : expectBoolean(code, join(path, 'disableOnNumbers'), o.disableOnNumbers);
  return out as SettingsUpdate['typoTolerance'];
}

function parseFaceting(code: ErrorCode, path: string, v: unknown): SettingsUpdate['faceting'] {
  const o = expectObject(code, path, v);
  checkKnownFields(code, o, ['maxValuesPerFacet', 'sortFacetValuesBy'], path);
  const out: Record<string, unknown> = {};
  if (o.maxValuesPerFacet !== undefined) out.maxValuesPerFacet = o.maxValuesPerFacet === null ? null : expectPositiveInteger(code, join(path, 'maxValuesPerFacet'), o.maxValuesPerFacet);
  if (o.sortFacetValuesBy !== undefined) {
    if (o.sortFacetValuesBy === null) out.sortFacetValuesBy = null;
    else {
      const sp = join(path, 'sortFacetValuesBy');
      const s = expectObject(code, sp, o.sortFacetValuesBy);
      const sorted: Record<string, string> = {};
      for (const k of Object.keys(s).sort(compareUtf8)) {
        const val = s[k];
        if (val !== 'alpha' && val !== 'count') {
          if (typeof val !== 'string') throw typeError(code, join(sp, k), 'a string', val);
          throw unknownValue(code, join(sp, k), val, ['alpha', 'count']);
        }
        sorted[k] = val;
      }
      out.sortFacetValuesBy = sorted;
    }
  }
  return out as SettingsUpdate['faceting'];
}

function parseLocalized(code: ErrorCode, path: string, v: unknown): Settings['localizedAttributes'] {
  if (!Array.isArray(v)) throw typeError(code, path, 'an array', v);
  return v.map((rule, i) => {
    const p = `${path}[${i}]`;
    const o = expectObject(code, p, rule);
    checkKnownFields(code, o, ['attributePatterns', 'locales'], p);
    for (const req of ['attributePatterns', 'locales']) {
      if (o[req] === undefined) throw new EngineError(code, `Missing field \`${req}\` inside \`${p}\``);
    }
    const attributePatterns = expectStringArray(code, join(p, 'attributePatterns'), o.attributePatterns);
    const locales = expectStringArray(code, join(p, 'locales'), o.locales).map((l, j) => {
      const c = canonicalLocale(l);
      if (!c) throw valueError(code, `${join(p, 'locales')}[${j}]`, unsupportedLocaleMessage(l));
      return c;
    });
    return { attributePatterns, locales };
  });
}

/** Validates the value of one setting (`path` '' for a sub-route body). Null means reset and is returned as is. */
export function parseSettingValue(key: SettingsKey, value: unknown, path = ''): unknown {
  const code = settingsErrorCode(key);
  if (value === null) return null;
  switch (key) {
    case 'displayedAttributes':
    case 'searchableAttributes':
      return [...expectStringArray(code, path, value)];
    case 'filterableAttributes':
      return parseFilterable(code, path, value);
    case 'sortableAttributes':
    case 'stopWords':
    case 'nonSeparatorTokens':
    case 'separatorTokens':
    case 'dictionary':
      return sortedSet(expectStringArray(code, path, value));
    case 'rankingRules': {
      const rules = expectStringArray(code, path, value);
      rules.forEach((r, i) => {
        const parsed = parseRankingRule(r);
        if ('error' in parsed) throw valueError(code, `${path}[${i}]`, parsed.error);
      });
      return [...rules];
    }
    case 'synonyms': {
      const o = expectObject(code, path, value);
      const out: Record<string, string[]> = {};
      for (const k of Object.keys(o).sort(compareUtf8)) out[k] = [...expectStringArray(code, join(path, k), o[k])];
      return out;
    }
    case 'distinctAttribute':
      return expectString(code, path, value);
    case 'proximityPrecision':
      if (typeof value !== 'string') throw typeError(code, path, 'a string', value);
      if (value !== 'byWord' && value !== 'byAttribute') throw unknownValue(code, path, value, ['byWord', 'byAttribute']);
      return value;
    case 'typoTolerance':
      return parseTypoTolerance(code, path, value);
    case 'faceting':
      return parseFaceting(code, path, value);
    case 'pagination': {
      const o = expectObject(code, path, value);
      checkKnownFields(code, o, ['maxTotalHits'], path);
      if (o.maxTotalHits === undefined || o.maxTotalHits === null) return { ...(o.maxTotalHits === null ? { maxTotalHits: null } : {}) };
      const n = expectPositiveInteger(code, join(path, 'maxTotalHits'), o.maxTotalHits);
      if (n === 0) {
        throw valueError(code, join(path, 'maxTotalHits'), 'a non-zero integer value lower than `18446744073709551615` was expected, but found a zero');
      }
      return { maxTotalHits: n };
    }
    case 'embedders': {
      const o = expectObject(code, path, value);
      for (const [name, conf] of Object.entries(o)) {
        if (conf !== null && !isPlainObject(conf)) throw typeError(code, join(path, name), 'an object', conf);
      }
      return structuredClone(o);
    }
    case 'searchCutoffMs':
      return expectPositiveInteger(code, path, value);
    case 'localizedAttributes':
      return parseLocalized(code, path, value);
    case 'facetSearch':
      return expectBoolean(code, path, value);
    case 'prefixSearch':
      if (typeof value !== 'string') throw typeError(code, path, 'a string', value);
      if (value !== 'indexingTime' && value !== 'disabled') throw unknownValue(code, path, value, ['indexingTime', 'disabled']);
      return value;
  }
}

/** Validates a whole `PATCH /settings` body. */
export function parseSettingsUpdate(input: unknown): SettingsUpdate {
  if (!isPlainObject(input)) throw typeError('bad_request', '', 'an object', input);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (k === 'foreignKeys' || k === 'chat') {
      throw new EngineError('feature_not_enabled', `\`${k}\` is an experimental Meilisearch setting that pocketsearch does not support.`);
    }
    if (!(SETTINGS_KEYS as readonly string[]).includes(k)) throw unknownField('bad_request', k, SETTINGS_FIELDS_FOR_ERRORS);
    out[k] = parseSettingValue(k as SettingsKey, v, `.${k}`);
  }
  // Keep Meilisearch's key order in the task details.
  const ordered: Record<string, unknown> = {};
  for (const k of SETTINGS_KEYS) if (k in out) ordered[k] = out[k];
  return ordered as SettingsUpdate;
}
