/**
 * How many typos a query word may have (spec §5.2): none when typo tolerance is off, the word is in
 * `disableOnWords` or shorter than `minWordSizeForTypos.oneTypo` characters; one below `twoTypos`; else two.
 */
import type { Analyzer } from '../../text/types.ts';
import type { Settings } from '../../types/settings.ts';

export type TypoBudget = (word: string) => number;

export function typoBudget(settings: Settings, analyzer: Analyzer): TypoBudget {
  const tt = settings.typoTolerance;
  const { oneTypo, twoTypos } = tt.minWordSizeForTypos;
  // Meilisearch normalizes these words by concatenating every token of each (separators included).
  const exact = new Set(tt.disableOnWords.map((w) => analyzer.tokenize(w).map((t) => t.norm).join('')));
  return (word) => {
    const chars = [...word].length;
    if (!tt.enabled || chars < oneTypo || exact.has(word)) return 0;
    return chars < twoTypos ? 1 : 2;
  };
}
