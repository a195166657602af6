/**
 * The effective ranking rules of a search (spec §5.4), from the `rankingRules` setting:
 *
 * - with a query: rules in order without duplicates; `words` inserted before the first of typo, proximity,
 *   attribute, attributeRank, wordPosition, exactness when absent, and left out with `matchingStrategy: all`;
 *   `attribute` = attributeRank + wordPosition (and excludes them); `exactness` = exact attribute + exact words;
 *   `sort` = the `sort` parameter's criteria; `field:asc|desc` sorts; a field already sorted is skipped;
 * - placeholder: only `sort` and the custom sort rules.
 */
import type { Settings } from '../../types/settings.ts';
import type { MatchingStrategy } from '../../types/search.ts';
import { parseRankingRule, type SortCriterion } from '../../settings/rankingRules.ts';
import type { DocSet } from '../../storage/docSet.ts';
import type { SortSource } from '../pipeline.ts';
import type { LocatedSubset } from '../query/queryTerm.ts';
import type { RankingRule } from './rankingRule.ts';
import { GraphRankingRule } from './rankingRule.ts';
import { attributeRank, exactWordsRule, proximityRule, typoRule, wordPositionRule, wordsRule } from './graphRules.ts';
import { ExactAttributeRule } from './exactAttribute.ts';
import { GeoSortRule, SortRule } from './sortRules.ts';
import { ProximityDocs } from './proximity.ts';
import type { TermResolver } from './termDocs.ts';

export interface RuleDeps {
  settings: Settings;
  sort: readonly SortCriterion[];
  sortSource: SortSource;
  /** present for a query search */
  terms?: TermResolver;
}

/** Whether the legacy `attribute` rule's details render fid and position as one `attribute` entry. */
export function unifiedAttribute(settings: Settings): boolean {
  return !settings.rankingRules.some((r) => r === 'attributeRank' || r === 'wordPosition');
}

function isRedacted(settings: Settings, field: string): boolean {
  const d = settings.displayedAttributes;
  return !d.includes('*') && !d.includes(field);
}

function sortRules(deps: RuleDeps, sorted: Set<string>): RankingRule[] {
  const out: RankingRule[] = [];
  for (const c of deps.sort) {
    if ('geo' in c.member) {
      // Meilisearch never marks a geo sort as done: every `_geoPoint` criterion applies.
      out.push(new GeoSortRule(deps.sortSource, c.member.geo, c.order === 'asc'));
      continue;
    }
    const field = c.member.field;
    if (sorted.has(field)) continue;
    sorted.add(field);
    out.push(new SortRule(deps.sortSource, field, c.order === 'asc', isRedacted(deps.settings, field)));
  }
  return out;
}

function customRule(deps: RuleDeps, sorted: Set<string>, field: string, ascending: boolean): RankingRule[] {
  if (sorted.has(field)) return [];
  sorted.add(field);
  return [new SortRule(deps.sortSource, field, ascending, isRedacted(deps.settings, field))];
}

export function placeholderRules(deps: RuleDeps): RankingRule[] {
  const out: RankingRule[] = [];
  const sorted = new Set<string>();
  let sort = false;
  for (const text of deps.settings.rankingRules) {
    const r = parseRankingRule(text);
    if ('error' in r) continue;
    if (r.kind === 'sort') {
      if (sort) continue;
      sort = true;
      out.push(...sortRules(deps, sorted));
    } else if (r.kind === 'asc' || r.kind === 'desc') out.push(...customRule(deps, sorted, r.field, r.kind === 'asc'));
  }
  return out;
}

export function queryRules(deps: RuleDeps, strategy: MatchingStrategy, frequencyDocs: (s: LocatedSubset) => DocSet): RankingRule[] {
  const terms = deps.terms!;
  const out: RankingRule[] = [];
  const sorted = new Set<string>();
  const seen = new Set<string>();
  let words = strategy === 'all';
  const addWords = () => {
    out.push(new GraphRankingRule('words', wordsRule(terms), strategy, frequencyDocs));
    words = true;
  };
  for (const text of deps.settings.rankingRules) {
    const r = parseRankingRule(text);
    if ('error' in r) continue;
    const k = r.kind;
    if (!words && (k === 'typo' || k === 'attribute' || k === 'attributeRank' || k === 'wordPosition' || k === 'proximity' || k === 'exactness')) addWords();
    switch (k) {
      case 'words':
        if (!words) addWords();
        break;
      case 'typo':
        if (seen.has(k)) break;
        seen.add(k);
        out.push(new GraphRankingRule('typo', typoRule(terms)));
        break;
      case 'proximity':
        if (seen.has(k)) break;
        seen.add(k);
        out.push(new GraphRankingRule('proximity', proximityRule(terms, new ProximityDocs(terms.data, terms))));
        break;
      case 'attribute':
        if (seen.has('attribute') || seen.has('attributeRank') || seen.has('wordPosition')) break;
        seen.add(k);
        out.push(attributeRank(terms, terms.data.policy));
        out.push(new GraphRankingRule('wordPosition', wordPositionRule(terms)));
        break;
      case 'attributeRank':
        if (seen.has('attribute') || seen.has('attributeRank')) break;
        seen.add(k);
        out.push(attributeRank(terms, terms.data.policy));
        break;
      case 'wordPosition':
        if (seen.has('attribute') || seen.has('wordPosition')) break;
        seen.add(k);
        out.push(new GraphRankingRule('wordPosition', wordPositionRule(terms)));
        break;
      case 'sort':
        if (seen.has(k)) break;
        seen.add(k);
        out.push(...sortRules(deps, sorted));
        break;
      case 'exactness':
        if (seen.has(k)) break;
        seen.add(k);
        out.push(new ExactAttributeRule(terms.data));
        out.push(new GraphRankingRule('exactness', exactWordsRule(terms)));
        break;
      case 'asc':
      case 'desc':
        out.push(...customRule(deps, sorted, r.field, k === 'asc'));
        break;
    }
  }
  return out;
}
