/**
 * The text analyzer (spec §4): Meilisearch 1.50 / charabia 0.9.9 tokenization and normalization, shared by
 * the indexer, the query parser and the highlighter so documents and queries agree.
 */
import { indexAscii, isAsciiText, MAX_WORD_BYTES, type IndexCursor, type WordRangeSink } from './asciiIndexer.ts';
import { trimWhiteSpace } from './facetValue.ts';
import { normalizeAsciiToken, normalizePieces, normalizeStopWord } from './normalizer.ts';
import { canonicalLang, utf8Length } from './segmenter.ts';
import { isArmenianLetter, isKana, Script, SCRIPT_COUNT, scriptOf, type ScriptId } from './scripts.ts';
import { buildSeparatorRules } from './separators.ts';
import {
  KIND_HARD,
  KIND_SOFT,
  KIND_STOP_WORD,
  KIND_WORD,
  POSITION_LIMIT,
  scanText,
  type TokenizerContext,
} from './tokenizer.ts';
import type { Analyzer, AnalyzerConfig, Token } from './types.ts';

export { MAX_WORD_BYTES, type WordRangeSink } from './asciiIndexer.ts';
export { normalizeFacetValue, MAX_FACET_VALUE_BYTES } from './facetValue.ts';
export { DEFAULT_SEPARATORS } from './separators.ts';

/** Highest word position that is indexed; words at 65,536 and beyond are dropped. */
export const MAX_POSITION = POSITION_LIMIT - 1;

/**
 * Builds an analyzer for one index's settings (`stopWords`, `separatorTokens`, `nonSeparatorTokens`,
 * `dictionary`, default `locales`). Building compiles the separator matcher: reuse the analyzer.
 *
 * @example
 * const analyzer = createAnalyzer({ stopWords: ['the'] });
 * analyzer.indexWords('the Quick brown-fox', (word, pos) => console.log(word, pos));
 * // quick 1, brown 2, fox 3
 */
export function createAnalyzer(config: AnalyzerConfig): Analyzer {
  const ctx: TokenizerContext = {
    rules: buildSeparatorRules(config),
    stopWords: new Set((config.stopWords ?? []).map(normalizeStopWord)),
  };
  const defaultLocales = config.locales && config.locales.length > 0 ? config.locales : undefined;
  const pickLocales = (locales: readonly string[] | undefined): readonly string[] | undefined =>
    locales && locales.length > 0 ? locales : defaultLocales;

  return {
    tokenize(text: string, locales?: readonly string[]): Token[] {
      return tokenizeText(ctx, text, pickLocales(locales));
    },

    indexWords(
      text: string,
      emit: (word: string, position: number) => void,
      startPosition = 0,
      locales?: readonly string[],
    ): number {
      return indexText(ctx, text, emit, startPosition, pickLocales(locales), { lastEmitted: -1 });
    },

    indexValue(
      text: string,
      emit: (word: string, position: number) => void,
      startPosition = 0,
      locales?: readonly string[],
      ranges?: WordRangeSink,
    ): number {
      const cursor: IndexCursor = { lastEmitted: -1 };
      indexText(ctx, text, emit, startPosition, pickLocales(locales), cursor, ranges);
      return cursor.lastEmitted >= 0 ? cursor.lastEmitted : startPosition;
    },

    normalizeWord(word: string): string {
      return normalizeWhole(word, pickLocales(undefined));
    },
  };
}

/** Both indexing paths; returns the last word-or-stop-word position and fills `cursor`. */
function indexText(
  ctx: TokenizerContext,
  text: string,
  emit: (word: string, position: number) => void,
  startPosition: number,
  locales: readonly string[] | undefined,
  cursor: IndexCursor,
  ranges?: WordRangeSink,
): number {
  if (startPosition >= POSITION_LIMIT) return startPosition - 1;
  if (isAsciiText(text)) return indexAscii(ctx, text, emit, startPosition, cursor, ranges);
  let last = startPosition - 1;
  scanText(ctx, text, locales, startPosition, false, (kind, _s, _e, norm, position) => {
    if (kind !== KIND_WORD && kind !== KIND_STOP_WORD) return true;
    if (position >= POSITION_LIMIT) return false;
    last = position;
    if (kind === KIND_WORD) {
      // Milli trims the lemma and skips words too long for an LMDB key.
      const word = trimWhiteSpace(norm);
      if (word.length > 0 && utf8Length(word) <= MAX_WORD_BYTES) {
        emit(word, position);
        cursor.lastEmitted = position;
      }
    }
    return true;
  });
  return last;
}

/** Builds the public token objects, with UTF-8 offsets computed incrementally (tokens are contiguous). */
function tokenizeText(ctx: TokenizerContext, text: string, locales: readonly string[] | undefined): Token[] {
  const tokens: Token[] = [];
  let unit = 0;
  let byte = 0;
  const advance = (to: number): number => {
    byte += utf8Length(text, unit, to);
    unit = to;
    return byte;
  };
  scanText(ctx, text, locales, 0, true, (kind, start, end, norm, position, charMap) => {
    const byteStart = advance(start);
    const byteEnd = advance(end);
    let token: Token;
    if (kind === KIND_WORD || kind === KIND_STOP_WORD) {
      token = { kind: kind === KIND_WORD ? 'word' : 'stopWord', norm, start, end, byteStart, byteEnd, position };
    } else {
      // Empty tokens (control characters only) act like a soft separator for every consumer.
      const separatorKind = kind === KIND_HARD ? 'hard' : 'soft';
      token = { kind: 'separator', separatorKind, norm, start, end, byteStart, byteEnd, position: -1 };
      if (kind !== KIND_HARD && kind !== KIND_SOFT) token.norm = '';
    }
    if (charMap) token.charMap = charMap;
    tokens.push(token);
    return true;
  });
  return tokens;
}

/**
 * Normalizes a string as one token (no splitting), in the script most of its letters use — how Meilisearch
 * normalizes a facet-search query; for one word it equals the word's normalized form in a query.
 */
function normalizeWhole(word: string, locales: readonly string[] | undefined): string {
  const script = dominantScript(word);
  if (isAsciiText(word)) return normalizeAsciiToken(word, script).norm;
  return normalizePieces(word, script, wholeWordLang(word, script, locales)).norm;
}

function dominantScript(s: string): ScriptId {
  const counts = new Array<number>(SCRIPT_COUNT).fill(0);
  let best: ScriptId = Script.Other;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    let sc = scriptOf(cp);
    if (sc === Script.Other && isArmenianLetter(cp)) sc = Script.Armenian;
    if (sc === Script.Other) continue;
    counts[sc]++;
    if (best === Script.Other || counts[sc] > counts[best]) best = sc;
  }
  return best;
}

function wholeWordLang(word: string, script: ScriptId, locales: readonly string[] | undefined): string | null {
  const langs = locales?.map(canonicalLang);
  if (langs && langs.length === 1) return langs[0];
  if (script === Script.Cj) {
    for (let i = 0; i < word.length; i++) if (isKana(word.charCodeAt(i))) return 'jpn';
    return langs?.includes('jpn') && !langs.some((l) => l === 'zho' || l === 'cmn') ? 'jpn' : 'zho';
  }
  return null;
}
