/**
 * Applying a validated settings update to an index's settings, the checks Meilisearch makes while processing
 * (task failures, not 400s), and what the change forces to re-index.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { FilterableAttribute, Settings, SettingsKey, SettingsUpdate } from '../types/settings.ts';
import { defaultSettings } from './defaults.ts';
import { hasMixedAttributeRules, MIXED_ATTRIBUTE_RULES_MESSAGE } from './rankingRules.ts';
import { ascDescFields } from '../indexes/fieldRules.ts';

type Mutable = Record<string, unknown>;

function isWildcard(list: unknown): boolean {
  return Array.isArray(list) && list.includes('*');
}

/** Returns the settings after `update` (partial sub-objects are merged, `null` resets). */
export function applySettingsUpdate(current: Settings, update: SettingsUpdate): Settings {
  const next = structuredClone(current) as Settings;
  const defaults = defaultSettings();
  const n = next as unknown as Mutable;
  for (const [key, value] of Object.entries(update) as [SettingsKey, unknown][]) {
    if (value === undefined) continue;
    if (value === null) {
      n[key] = structuredClone(defaults[key]);
      continue;
    }
    switch (key) {
      case 'displayedAttributes':
      case 'searchableAttributes':
        n[key] = isWildcard(value) ? ['*'] : value;
        break;
      case 'typoTolerance': {
        const u = value as Mutable;
        const t = next.typoTolerance as unknown as Mutable;
        const dt = defaults.typoTolerance as unknown as Mutable;
        for (const k of ['enabled', 'disableOnWords', 'disableOnAttributes', 'disableOnNumbers']) {
          if (u[k] === undefined) continue;
          t[k] = u[k] === null ? structuredClone(dt[k]) : u[k];
        }
        if (u.minWordSizeForTypos !== undefined) {
          if (u.minWordSizeForTypos === null) next.typoTolerance.minWordSizeForTypos = { ...defaults.typoTolerance.minWordSizeForTypos };
          else {
            const m = u.minWordSizeForTypos as Record<string, number | null | undefined>;
            const cur = next.typoTolerance.minWordSizeForTypos;
            const dm = defaults.typoTolerance.minWordSizeForTypos;
            if (m.oneTypo !== undefined) cur.oneTypo = m.oneTypo ?? dm.oneTypo;
            if (m.twoTypos !== undefined) cur.twoTypos = m.twoTypos ?? dm.twoTypos;
          }
        }
        break;
      }
      case 'faceting': {
        const u = value as Mutable;
        if (u.maxValuesPerFacet !== undefined) next.faceting.maxValuesPerFacet = (u.maxValuesPerFacet as number | null) ?? defaults.faceting.maxValuesPerFacet;
        if (u.sortFacetValuesBy !== undefined) {
          // Meilisearch keeps `*` (alpha unless given) and merges the given fields over it.
          next.faceting.sortFacetValuesBy =
            u.sortFacetValuesBy === null ? { '*': 'alpha' } : { '*': 'alpha', ...(u.sortFacetValuesBy as Record<string, 'alpha' | 'count'>) };
        }
        break;
      }
      case 'pagination': {
        const u = value as Mutable;
        if (u.maxTotalHits !== undefined) next.pagination.maxTotalHits = (u.maxTotalHits as number | null) ?? defaults.pagination.maxTotalHits;
        break;
      }
      default:
        n[key] = structuredClone(value);
    }
  }
  return next;
}

/** Checks made while processing the task (they fail the task, not the request). */
export function checkSettingsForProcessing(s: Settings): void {
  const { oneTypo, twoTypos } = s.typoTolerance.minWordSizeForTypos;
  if (oneTypo > twoTypos) {
    throw new EngineError(
      'invalid_settings_typo_tolerance',
      `\`minWordSizeForTypos\` setting is invalid. \`oneTypo\` and \`twoTypos\` fields should be between \`0\` and \`255\`, and \`twoTypos\` should be greater or equals to \`oneTypo\` but found \`oneTypo: ${oneTypo}\` and twoTypos: ${twoTypos}\`.`,
    );
  }
  if (hasMixedAttributeRules(s.rankingRules)) throw new EngineError('invalid_settings_ranking_rules', MIXED_ATTRIBUTE_RULES_MESSAGE);
}

/** Task details of a settings update: the submitted keys, resets as null (`["*"]` for displayed/searchable). */
export function settingsUpdateDetails(update: SettingsUpdate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(update)) {
    if (v === undefined) continue;
    out[k] = v === null && (k === 'displayedAttributes' || k === 'searchableAttributes') ? ['*'] : v;
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedCopy(list: readonly string[]): string[] {
  return [...list].sort();
}

/** Names of attributes that need facet columns: filterable, sortable, distinct, custom ranking rule fields. */
export function facetedRules(s: Settings): { filterable: FilterableAttribute[]; sortable: string[]; distinct: string | null; ascDesc: string[] } {
  return { filterable: s.filterableAttributes, sortable: s.sortableAttributes, distinct: s.distinctAttribute, ascDesc: sortedCopy(ascDescFields(s.rankingRules)) };
}

/**
 * True when the stored index (postings, facet columns) must be rebuilt after going from `before` to `after`.
 * Searchable order, ranking, typos, synonyms, displayed… are applied at query time and need no rebuild.
 */
export function needsReindex(before: Settings, after: Settings): boolean {
  const textShape = (s: Settings) => ({
    searchable: s.searchableAttributes.includes('*') ? ['*'] : sortedCopy(s.searchableAttributes),
    stopWords: s.stopWords,
    separatorTokens: s.separatorTokens,
    nonSeparatorTokens: s.nonSeparatorTokens,
    dictionary: s.dictionary,
    localizedAttributes: s.localizedAttributes,
  });
  if (!sameJson(textShape(before), textShape(after))) return true;
  return !sameJson(facetedRules(before), facetedRules(after));
}
