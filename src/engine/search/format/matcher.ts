/**
 * Finds the query's matches in one attribute value (spec §7), the way Meilisearch's highlighter does:
 * the value is re-tokenized; phrases (and multi-word derivations) are tried first and must match
 * consecutive words; then single terms, exact words before prefixes and longer n-grams first. A prefix
 * match covers only the matched part of the token, mapped back to the original text through the
 * analyzer's `charMap`.
 */
import type { Analyzer, Token } from '../../text/types.ts';
import type { MatchingTerm, MatchingWords } from '../pipeline.ts';

/** One match in a tokenized text. */
export interface Match {
  /** query word positions covered (first and last), for the crop window's scoring */
  ids: [number, number];
  /** first and last token index (a phrase spans several tokens, separators included) */
  firstToken: number;
  lastToken: number;
  /** first and last word position (words counted 0, 1, 2… skipping separators) */
  firstWord: number;
  lastWord: number;
  /** UTF-16 end of the highlighted part (a prefix match stops before the token's end) */
  highlightEnd: number;
}

/** The tokens of a text with their word positions, and the matches found in it. */
export interface MatchedText {
  text: string;
  tokens: Token[];
  /** word position of each token (-1 for separators) */
  wordPos: Int32Array;
  matches: Match[];
}

interface WordEntry {
  ids: [number, number];
  words: readonly string[];
  prefixes: readonly string[];
  /** characters of the query word: a prefix match highlights at most this many */
  highlightChars: number;
}

interface PhraseEntry {
  ids: [number, number];
  /** normalized words; an empty string stands for a stop word, which the highlighter never matches */
  words: readonly string[];
}

/** The query terms ordered for matching (Meilisearch sorts prefix terms last, wider n-grams first). */
export class QueryMatcher {
  readonly phrases: PhraseEntry[] = [];
  readonly words: WordEntry[] = [];

  constructor(matchingWords: MatchingWords | null) {
    const terms: readonly MatchingTerm[] = matchingWords?.terms ?? [];
    for (const t of terms) {
      for (const p of t.phrases) if (p.length) this.phrases.push({ ids: t.queryPositions, words: p });
      if (t.words.length || t.prefixes.length) {
        this.words.push({ ids: t.queryPositions, words: t.words, prefixes: t.prefixes, highlightChars: t.highlightChars ?? Infinity });
      }
    }
    const width = (e: WordEntry) => e.ids[1] - e.ids[0];
    const isPrefix = (e: WordEntry) => (e.prefixes.length > 0 ? 1 : 0);
    this.words.sort((a, b) => isPrefix(a) - isPrefix(b) || width(b) - width(a));
  }

  get isEmpty(): boolean {
    return this.phrases.length === 0 && this.words.length === 0;
  }

  /** Single-term match of a token: the term's positions and the UTF-16 end of the highlighted part. */
  private matchWord(token: Token): { ids: [number, number]; end: number } | null {
    const lemma = token.norm;
    for (const e of this.words) {
      for (const w of e.words) if (lemma === w) return { ids: e.ids, end: token.end };
      for (const p of e.prefixes) {
        if (!lemma.startsWith(p)) continue;
        // The first min(query word length, derivation length) characters of the normalized token, in UTF-16 units.
        const normUnits = unitsOfChars(p, e.highlightChars);
        const units = token.charMap ? token.charMap[Math.min(normUnits, token.charMap.length - 1)] : normUnits;
        return { ids: e.ids, end: Math.min(token.start + units, token.end) };
      }
    }
    return null;
  }

  /**
   * Tokenizes `text` and finds its matches, in text order.
   *
   * @example new QueryMatcher(words).match(analyzer, 'Hello world').matches
   */
  match(analyzer: Analyzer, text: string, locales?: readonly string[]): MatchedText {
    const tokens = analyzer.tokenize(text, locales);
    const wordPos = new Int32Array(tokens.length).fill(-1);
    const wordTokens: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind === 'separator') continue;
      wordPos[i] = wordTokens.length;
      wordTokens.push(i);
    }
    const matches: Match[] = [];
    if (this.isEmpty) return { text, tokens, wordPos, matches };
    for (let w = 0; w < wordTokens.length; w++) {
      const ti = wordTokens[w];
      const token = tokens[ti];
      let matched = false;
      for (const ph of this.phrases) {
        if (!sameWord(token, ph.words[0])) continue;
        if (ph.words.length === 1) {
          matches.push({ ids: ph.ids, firstToken: ti, lastToken: ti, firstWord: w, lastWord: w, highlightEnd: token.end });
          matched = true;
          break;
        }
        let k = 1;
        while (k < ph.words.length && w + k < wordTokens.length && sameWord(tokens[wordTokens[w + k]], ph.words[k])) k++;
        if (k === ph.words.length) {
          const last = wordTokens[w + k - 1];
          matches.push({ ids: ph.ids, firstToken: ti, lastToken: last, firstWord: w, lastWord: w + k - 1, highlightEnd: tokens[last].end });
          w += k - 1;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const m = this.matchWord(token);
      if (m) matches.push({ ids: m.ids, firstToken: ti, lastToken: ti, firstWord: w, lastWord: w, highlightEnd: m.end });
    }
    return { text, tokens, wordPos, matches };
  }
}

/** UTF-16 length of the first `chars` code points of `s` (all of it when shorter). */
function unitsOfChars(s: string, chars: number): number {
  if (chars >= s.length) return s.length;
  let units = 0;
  for (let c = 0; c < chars && units < s.length; c++) {
    const code = s.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < s.length ? 2 : 1;
  }
  return units;
}

/** A phrase word against a token: stop-word slots never match (the highlighter knows no stop words). */
function sameWord(token: Token, word: string): boolean {
  return word !== '' && token.norm === word;
}
