/** The query terms as the highlighter needs them (see `MatchingTerm` in pipeline.ts). */
import type { MatchingWords } from '../pipeline.ts';
import type { LocatedTerm } from './queryGraph.ts';
import { allDerivations } from './queryTerm.ts';

export function matchingWords(located: readonly LocatedTerm[]): MatchingWords {
  return {
    terms: located.map(({ term, positions }) => {
      const { words, phrases } = allDerivations(term);
      return {
        queryPositions: [positions[0], positions[1]],
        words: term.isPrefix ? [] : words,
        prefixes: term.isPrefix ? words : [],
        phrases: phrases.map((p) => p.words.map((w) => w ?? '')),
        highlightChars: [...term.original].length,
      };
    }),
  };
}
