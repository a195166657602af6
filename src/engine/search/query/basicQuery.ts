/**
 * Query terms for the first search: the query's words in order, the last one a prefix when nothing follows it.
 * (Phrases, negations, typos, n-grams and synonyms are the relevance layer's job.)
 */
import type { Analyzer } from '../../text/types.ts';

export interface BasicTerm {
  word: string;
  prefix: boolean;
}

export const MAX_QUERY_TERMS = 10;

export function parseBasicQuery(analyzer: Analyzer, q: string, prefixSearch: boolean): BasicTerm[] {
  const tokens = analyzer.tokenize(q);
  const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'stopWord');
  const last = tokens.length ? tokens[tokens.length - 1] : undefined;
  const endsWithWord = last !== undefined && last.kind !== 'separator';
  const terms: BasicTerm[] = [];
  words.forEach((t, i) => {
    const isLast = i === words.length - 1;
    if (t.kind === 'stopWord' && !isLast) return;
    if (t.kind === 'stopWord' && !endsWithWord) return;
    terms.push({ word: t.norm, prefix: isLast && endsWithWord && prefixSearch });
  });
  return terms.slice(0, MAX_QUERY_TERMS);
}
