/**
 * Contract of the text analyzer (spec §4): the indexer, the query parser and the highlighter all use it,
 * so documents and queries are normalized the same way.
 */

export type TokenKind = 'word' | 'stopWord' | 'separator';

/** One token of a text, with enough information to index it, match it and highlight it. */
export interface Token {
  kind: TokenKind;
  /** For separators: a hard separator (sentence level) moves the next word 8 positions, a soft one 1. */
  separatorKind?: 'hard' | 'soft';
  /** Normalized form: what is indexed and matched (NFKD, lowercased, diacritics removed for Latin, …). */
  norm: string;
  /** Original text of the token: `text.slice(start, end)`. UTF-16 offsets into the analyzed string. */
  start: number;
  end: number;
  /** UTF-8 byte offsets of the original text, for `_matchesPosition`. */
  byteStart: number;
  byteEnd: number;
  /** Word position in this text (first word 0, +1 after soft separators, +8 after hard ones). -1 for separators. */
  position: number;
  /**
   * For each prefix length of `norm` (in chars), the number of UTF-16 units of the original text it covers;
   * lets the highlighter wrap only the matched part of a prefix match. Present when norm and original differ.
   */
  charMap?: number[];
}

/** The settings that shape tokenization. */
export interface AnalyzerConfig {
  stopWords?: readonly string[];
  separatorTokens?: readonly string[];
  nonSeparatorTokens?: readonly string[];
  dictionary?: readonly string[];
  /** ISO-639-3 codes restricting language detection (from `localizedAttributes` or the `locales` search param). */
  locales?: readonly string[];
}

export interface Analyzer {
  /** Every token of `text` (words, stop words and separators) in order. */
  tokenize(text: string, locales?: readonly string[]): Token[];
  /**
   * Fast path for indexing: calls `emit(norm, position)` for each indexable word (not stop words, not separators,
   * not over 250 bytes, position < 65,536) starting at `startPosition`. Returns the position of the last token seen
   * (word or stop word), or `startPosition - 1` when there was none.
   */
  indexWords(text: string, emit: (word: string, position: number) => void, startPosition?: number, locales?: readonly string[]): number;
  /**
   * Same emission as `indexWords`, but returns Meilisearch's per-field cursor: the position of the last word
   * actually emitted, or `startPosition` when none was — the next value of the same field (array element)
   * starts at `cursor + 8`, and is skipped entirely when that is ≥ 65,536 (milli `tokenize_field`).
   */
  indexValue(
    text: string,
    emit: (word: string, position: number) => void,
    startPosition?: number,
    locales?: readonly string[],
    /** when given, plain ASCII words arrive here as ranges of `text` instead of strings through `emit` */
    ranges?: (text: string, start: number, end: number, position: number) => void,
  ): number;
  /** Normalizes one word as a query word would be (used for synonyms, typo `disableOnWords`, facet queries). */
  normalizeWord(word: string): string;
}
