/**
 * From the analyzer's tokens of `q` to located query words and phrases, the way Meilisearch's query parser reads
 * them (spec §5.1):
 *
 * - positions: +1 per word or stop word, +7 more per hard separator token (u16, wrapping: a query starting with
 *   a hard separator puts its first word at 7);
 * - the last token is a prefix word when nothing follows it, even a stop word; other stop words are dropped;
 * - `"…"` is a phrase (unclosed: to the end; a hard separator inside closes it and opens the next); stop words
 *   inside are gaps;
 * - `-word` / `-"phrase"` (the `-` after whitespace or at the start) exclude documents;
 * - at most 1,000 tokens are read and the parse stops once 10 terms were collected.
 */
import type { Token } from '../../text/types.ts';
import type { Phrase } from './queryTerm.ts';

export const MAX_TOKEN_COUNT = 1000;
export const MAX_QUERY_TERMS = 10;

export type RawTerm =
  | { kind: 'word'; word: string; prefix: boolean; position: number }
  | { kind: 'phrase'; phrase: Phrase; positions: [number, number] };

export interface QueryTokens {
  terms: RawTerm[];
  negativeWords: string[];
  negativePhrases: Phrase[];
}

/** Unicode White_Space, as Rust's `char::is_whitespace`. */
const WHITESPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

class PhraseBuilder {
  words: (string | null)[] = [];
  start = 0xffff;
  end = 0xffff;

  isEmpty(): boolean {
    return this.words.every((w) => w === null);
  }

  push(t: Token, position: number): void {
    if (this.isEmpty()) this.start = position;
    this.end = position;
    this.words.push(t.kind === 'stopWord' ? null : t.norm);
  }

  build(): RawTerm | null {
    if (this.isEmpty()) return null;
    return { kind: 'phrase', phrase: { words: this.words }, positions: [this.start, this.end] };
  }
}

export function readQueryTokens(allTokens: readonly Token[], allowPrefix: boolean, maxTerms = MAX_QUERY_TERMS): QueryTokens {
  const tokens = allTokens.slice(0, MAX_TOKEN_COUNT);
  const terms: RawTerm[] = [];
  const negativeWords: string[] = [];
  const negativePhrases: Phrase[] = [];
  let phrase: PhraseBuilder | null = null;
  let negativePhrase = false;
  let encounteredWhitespace = true;
  let negativeNext = false;
  let position = 0xffff;
  const emitPhrase = (b: PhraseBuilder, negative: boolean): boolean => {
    const built = b.build();
    if (!built || built.kind !== 'phrase') return false;
    if (negative) negativePhrases.push(built.phrase);
    else terms.push(built);
    return true;
  };
  let stoppedEarly = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.norm === '') continue;
    if (terms.length >= maxTerms) {
      stoppedEarly = true;
      break;
    }
    if (t.kind === 'word' || t.kind === 'stopWord') {
      position = (position + 1) & 0xffff;
      if (phrase) phrase.push(t, position);
      else if (negativeNext) {
        negativeWords.push(t.norm);
        negativeNext = false;
      } else if (i + 1 < tokens.length) {
        if (t.kind === 'word') terms.push({ kind: 'word', word: t.norm, prefix: false, position });
      } else {
        terms.push({ kind: 'word', word: t.norm, prefix: allowPrefix, position });
      }
    } else {
      const hard = t.separatorKind === 'hard';
      if (hard) position = (position + 7) & 0xffff;
      let current: PhraseBuilder | null = phrase;
      phrase = null;
      if (hard && current) {
        // A hard separator inside a phrase ends it and opens the next one (keeping the negation).
        emitPhrase(current, negativePhrase);
        current = new PhraseBuilder();
      }
      let quotes = 0;
      for (const c of t.norm) if (c === '"') quotes++;
      if (quotes === 0) phrase = current;
      else {
        if (current) {
          quotes--;
          if (emitPhrase(current, negativePhrase) && negativePhrase) negativePhrase = false;
        }
        if (quotes % 2 === 1) {
          negativePhrase = negativeNext;
          phrase = new PhraseBuilder();
        }
      }
      negativeNext = phrase === null && t.norm === '-' && encounteredWhitespace;
    }
    encounteredWhitespace = WHITESPACE.test(t.norm);
  }
  // An unclosed quote runs to the end of the query.
  if (!stoppedEarly && phrase) emitPhrase(phrase, negativePhrase);
  return { terms, negativeWords, negativePhrases };
}
