/**
 * Whether the hits of two federated queries can be compared (Meilisearch's `search/ranking_rules.rs`).
 * Each query's ranking rules are canonicalized (placeholder searches drop relevancy rules, `words` is
 * prepended before the first relevancy rule, duplicates and an unused `sort` are removed, the `sort` rule
 * expands into the query's sort criteria), then coalesced (consecutive relevancy rules become one) and
 * compared position by position: a relevancy rule against a sort rule, or sorts in opposite directions,
 * make the request fail with `invalid_multi_search_query_ranking_rules`.
 */
import { EngineError } from '../../../errors/engineError.ts';
import type { SortCriterion } from '../../settings/rankingRules.ts';
import type { MatchingStrategy } from '../../types/search.ts';

type Kind = 'relevancy' | 'asc' | 'desc' | 'geoAsc' | 'geoDesc';
type Source = { criterion: number } | { coalesced: [number, number] } | { criterion: number; sort: number };
interface Rule {
  source: Source;
  kind: Kind;
}

/** Meilisearch's note for a rule removed because it appeared earlier (named after the earlier one). */
function duplicate(earlier: { name: string; at: string }, at: string): string {
  return `Removed duplicate rule \`${earlier.name}\` at position ${at} as it already appears at position ${earlier.at}`;
}

const RELEVANCY = new Set(['words', 'typo', 'proximity', 'attribute', 'attributeRank', 'wordPosition', 'exactness']);

/** A query's canonical ranking rules, with the notes of what canonicalization changed. */
export class CanonicalRules {
  readonly criteria: string[] = [];
  sort: SortCriterion[] | null = null;
  readonly notes: string[] = [];

  constructor(
    source: readonly string[],
    sourceSort: readonly SortCriterion[] | null,
    placeholder: boolean,
    strategy: MatchingStrategy,
  ) {
    const seen = new Map<string, { name: string; at: string }>(); // rule or sorted field → its first occurrence
    let words: number | null | undefined; // undefined: not yet; null: prepended
    let sortAt: number | null = null;
    const position = (i: number) => `#${i} in ranking rules`;
    const sortField = (c: SortCriterion) => ('field' in c.member ? c.member.field : null);
    source.forEach((criterion, i) => {
      const m = /^(.+):(asc|desc)$/.exec(criterion);
      if (RELEVANCY.has(criterion)) {
        if (placeholder) {
          this.notes.push(`Removed relevancy rule \`${criterion}\` at position ${position(i)} because the query is a placeholder search (\`q\`: "")`);
          return;
        }
        if (criterion === 'words') {
          if (strategy === 'all') {
            this.notes.push(`Removed rule \`words\` at position ${position(i)} because \`query.matchingWords\` is set to \`all\``);
            return;
          }
          if (words !== undefined) {
            if (words !== null) {
              this.notes.push(`Removed duplicate rule \`words\` at position ${position(i)} as it already appears at position ${position(words)}`);
              return;
            }
            this.notes.push(`Removed rule \`words\` at position ${position(i)} because it was previously prepended`);
          }
          words = i;
          this.criteria.push(criterion);
          return;
        }
        if (strategy !== 'all' && words === undefined) {
          this.notes.push(`Prepended rule \`words\` before first relevancy rule \`${criterion}\` at position ${position(i)}`);
          this.criteria.push('words');
          words = null;
        }
        const earlier = seen.get(criterion);
        if (earlier !== undefined) this.notes.push(duplicate(earlier, position(i)));
        else {
          seen.set(criterion, { name: criterion, at: position(i) });
          this.criteria.push(criterion);
        }
      } else if (criterion === 'sort') {
        if (sortAt !== null) this.notes.push(`Removed duplicate rule \`sort\` at position ${position(i)} as it already appears at position ${position(sortAt)}`);
        else if (sourceSort) {
          sortAt = i;
          this.criteria.push(criterion);
          this.sort = this.canonicalSort(sourceSort, i, seen, sortField);
        } else this.notes.push(`Removed rule \`sort\` at position ${position(i)} because \`query.sort\` is empty`);
      } else if (m) {
        const earlier = seen.get(`field:${m[1]}`);
        if (earlier !== undefined) this.notes.push(duplicate(earlier, position(i)));
        else {
          seen.set(`field:${m[1]}`, { name: criterion, at: position(i) });
          this.criteria.push(criterion);
        }
      }
    });
  }

  private canonicalSort(
    sort: readonly SortCriterion[],
    criterion: number,
    seen: Map<string, { name: string; at: string }>,
    field: (c: SortCriterion) => string | null,
  ): SortCriterion[] {
    const out: SortCriterion[] = [];
    let geoAt: number | null = null;
    const position = (k: number) => `#${k} in \`query.sort\` (as \`sort\` is #${criterion} in ranking rules)`;
    const name = (c: SortCriterion) => ('field' in c.member ? `${c.member.field}:${c.order}` : `_geo(..):${c.order}`);
    sort.forEach((c, k) => {
      const f = field(c);
      if (f !== null) {
        const earlier = seen.get(`field:${f}`);
        if (earlier !== undefined) this.notes.push(duplicate(earlier, position(k)));
        else {
          seen.set(`field:${f}`, { name: name(c), at: position(k) });
          out.push(c);
        }
      } else if (geoAt !== null) this.notes.push(duplicate({ name: name(sort[geoAt]), at: position(geoAt) }, position(k)));
      else {
        geoAt = k;
        out.push(c);
      }
    });
    return out;
  }

  /** The rules, consecutive relevancy rules coalesced. */
  coalesced(): Rule[] {
    const rules: Rule[] = [];
    this.criteria.forEach((c, i) => {
      if (c === 'sort') {
        (this.sort ?? []).forEach((s, k) => {
          const geo = 'geo' in s.member;
          rules.push({ source: { criterion: i, sort: k }, kind: geo ? (s.order === 'asc' ? 'geoAsc' : 'geoDesc') : s.order });
        });
        return;
      }
      const m = /^(.+):(asc|desc)$/.exec(c);
      const kind: Kind = m ? (m[1] === '_geo' ? (m[2] === 'asc' ? 'geoAsc' : 'geoDesc') : (m[2] as Kind)) : 'relevancy';
      const last = rules[rules.length - 1];
      if (kind === 'relevancy' && last?.kind === 'relevancy' && !('sort' in last.source)) {
        const begin = 'coalesced' in last.source ? last.source.coalesced[0] : (last.source as { criterion: number }).criterion;
        last.source = { coalesced: [begin, i] };
      } else rules.push({ source: { criterion: i }, kind });
    });
    return rules;
  }

  describe(rule: Rule, query: number, uid: string): string {
    const kinds: Record<Kind, string> = { relevancy: 'relevancy', asc: 'ascending sort', desc: 'descending sort', geoAsc: 'ascending geo sort', geoDesc: 'descending geo sort' };
    let where: string;
    let names: string | undefined;
    const s = rule.source;
    if ('sort' in s) {
      where = `\`queries[${query}].sort[${s.sort}]\`, \`${uid}.rankingRules[${s.criterion}]\``;
      const c = this.sort?.[s.sort];
      names = c && 'field' in c.member ? `on field \`${c.member.field}\`` : undefined;
    } else if ('coalesced' in s) {
      where = `\`queries[${query}]\`, \`${uid}.rankingRules[${s.coalesced[0]}..=${s.coalesced[1]}]\``;
      names = this.criteria.slice(s.coalesced[0], s.coalesced[1] + 1).join(', ') || undefined;
    } else {
      where = `\`queries[${query}]\`, \`${uid}.rankingRules[${s.criterion}]\``;
      names = this.criteria[s.criterion];
    }
    return `${where}: ${kinds[rule.kind]} rule(s) ${names ?? 'default'}`;
  }

  notesText(): string {
    // Meilisearch's "Removed rule `sort`" note has one space less of indent.
    return this.notes.map((n, i) => `${n.startsWith('Removed rule `sort`') ? '   ' : '    '}${i + 1}. ${n}\n`).join('');
  }
}

function reason(a: Kind, b: Kind): string {
  const sort = (k: Kind) => k === 'asc' || k === 'desc';
  const geo = (k: Kind) => k === 'geoAsc' || k === 'geoDesc';
  if (a === 'relevancy' || b === 'relevancy') return geo(a) || geo(b) ? 'cannot compare a relevancy rule with a geosort rule' : 'cannot compare a relevancy rule with a sort rule';
  if (sort(a) && sort(b)) return 'cannot compare two sort rules in opposite directions';
  if (geo(a) && geo(b)) return 'cannot compare two geosort rules in opposite directions';
  return 'cannot compare a sort rule with a geosort rule';
}

/** The rules of one query with where they come from. */
export interface QueryRules {
  rules: CanonicalRules;
  query: number;
  uid: string;
}

/**
 * Checks `current` against `previous` and returns the rules to compare the next query with (the one with
 * more coalesced rules), or throws Meilisearch's incompatibility error.
 */
export function checkCompatible(current: QueryRules, previous: QueryRules | null): QueryRules {
  if (!previous) return current;
  const a = previous.rules.coalesced();
  const b = current.rules.coalesced();
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].kind === b[i].kind) continue;
    let msg = `The results of queries #${previous.query} and #${current.query} are incompatible: \n`;
    msg += `  1. ${previous.rules.describe(a[i], previous.query, previous.uid)}\n`;
    msg += `  2. ${current.rules.describe(b[i], current.query, current.uid)}\n`;
    msg += `  - ${reason(a[i].kind, b[i].kind)}\n`;
    const before = previous.rules.notesText();
    const now = current.rules.notesText();
    if (before) msg += `  - note: The ranking rules of query #${previous.query} were modified during canonicalization:\n${before}`;
    if (now) msg += `  - note: The ranking rules of query #${current.query} were modified during canonicalization:\n${now}`;
    throw new EngineError('invalid_multi_search_query_ranking_rules', msg);
  }
  return a.length > b.length ? previous : current;
}
