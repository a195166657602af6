/**
 * Builds query terms with their derivations (spec §5.2), from the dictionary alone — the split-word derivation,
 * which needs word-pair statistics, is added afterwards (`splitWords.ts`).
 *
 * - zero typos: the word if indexed; for the prefix term either a prefix-database prefix (≤ 4 bytes and ≥ 100
 *   indexed words start with it: it matches all of them) or up to 1,000 words starting with it; synonyms;
 * - one typo: words at distance 1 keeping the first character (≤ 150);
 * - two typos: words at distance 2 keeping the first character, or at distance 1 with another first character
 *   (≤ 50). The prefix term compares prefixes of the indexed words.
 */
import { utf8Length } from '../../storage/byteCodec.ts';
import { codePoints, dictionaryHas, prefixRange, walkWithinDistance } from './dictionaryWalk.ts';
import type { SynonymLookup } from './synonyms.ts';
import type { TypoBudget } from './typoBudget.ts';
import type { LocatedTerm } from './queryGraph.ts';
import { phraseDescription, type Phrase, type QueryTerm } from './queryTerm.ts';

export const MAX_WORD_LENGTH = 250;
export const MAX_PREFIX_COUNT = 1000;
export const MAX_ONE_TYPO_COUNT = 150;
export const MAX_TWO_TYPOS_COUNT = 50;
/** Meilisearch's prefix database: prefixes of at most 4 bytes shared by at least 100 words. */
export const PREFIX_DB_MAX_BYTES = 4;
export const PREFIX_DB_MIN_WORDS = 100;

export interface TermBuildContext {
  dict: readonly string[];
  typos: TypoBudget;
  synonyms: SynonymLookup;
}

let nextTermId = 1;

function emptyDerivations(): Pick<QueryTerm, 'zero' | 'one' | 'two'> {
  return { zero: { phrase: null, exact: null, prefixOf: [], synonyms: [], prefixDb: null }, one: { split: null, words: [] }, two: { words: [] } };
}

/** Whether Meilisearch would have this prefix in its prefix database. */
export function inPrefixDb(dict: readonly string[], prefix: string): boolean {
  if (utf8Length(prefix) > PREFIX_DB_MAX_BYTES) return false;
  const [lo, hi] = prefixRange(dict, prefix);
  return hi - lo >= PREFIX_DB_MIN_WORDS;
}

/** A word (or n-gram concatenation) term with its zero-typo derivations and typo words. */
export function wordTerm(ctx: TermBuildContext, word: string, maxTypos: number, isPrefix: boolean, ngramWords: string[] | null): QueryTerm {
  const id = nextTermId++;
  if (utf8Length(word) > MAX_WORD_LENGTH) {
    return { id, original: word, ngramWords: null, isPrefix: false, maxTypos: 0, ...emptyDerivations() };
  }
  const dict = ctx.dict;
  const prefixDb = isPrefix && inPrefixDb(dict, word) ? word : null;
  const prefixOf: string[] = [];
  if (isPrefix && prefixDb === null) {
    const [lo, hi] = prefixRange(dict, word);
    for (let i = lo; i < hi && prefixOf.length < MAX_PREFIX_COUNT; i++) if (dict[i] !== word) prefixOf.push(dict[i]);
  }
  const term: QueryTerm = {
    id,
    original: word,
    ngramWords,
    isPrefix,
    maxTypos,
    zero: { phrase: null, exact: dictionaryHas(dict, word) ? word : null, prefixOf, synonyms: ctx.synonyms.capped(word), prefixDb },
    one: { split: null, words: [] },
    two: { words: [] },
  };
  if (maxTypos > 0) {
    const typos = cachedTypoWords(dict, word, maxTypos, isPrefix);
    term.one.words = typos.one;
    term.two.words = typos.two;
  }
  return term;
}

/** Typo derivations per dictionary (one per index state), most recent first: the walk is the costly part. */
const typoMemo = new WeakMap<readonly string[], Map<string, { one: string[]; two: string[] }>>();
const TYPO_MEMO_MAX = 2048;

function cachedTypoWords(dict: readonly string[], word: string, maxTypos: number, isPrefix: boolean): { one: string[]; two: string[] } {
  let memo = typoMemo.get(dict);
  if (!memo) typoMemo.set(dict, (memo = new Map()));
  const key = `${maxTypos}${isPrefix ? 'p' : 'w'}${word}`;
  let hit = memo.get(key);
  if (hit) {
    memo.delete(key);
  } else {
    hit = typoDerivations(dict, word, maxTypos, isPrefix);
    if (memo.size >= TYPO_MEMO_MAX) memo.delete(memo.keys().next().value as string);
  }
  memo.set(key, hit);
  return { one: hit.one.slice(), two: hit.two.slice() };
}

export function phraseTerm(phrase: Phrase): QueryTerm {
  return { id: nextTermId++, original: phraseDescription(phrase), ngramWords: null, isPrefix: false, maxTypos: 0, ...emptyDerivations(), zero: { ...emptyDerivations().zero, phrase } };
}

function typoDerivations(dict: readonly string[], word: string, maxTypos: number, isPrefix: boolean): { one: string[]; two: string[] } {
  const q = codePoints(word);
  const first = String.fromCodePoint(q[0]);
  const [lo, hi] = prefixRange(dict, first);
  const one: string[] = [];
  const two: string[] = [];
  if (maxTypos === 1) {
    walkWithinDistance(dict, lo, hi, q, 1, isPrefix, (i, d) => {
      if (d === 1) one.push(dict[i]);
      return one.length < MAX_ONE_TYPO_COUNT;
    });
  } else {
    // One stream in dictionary order: another first letter within 1 edit counts 2 typos, the same within 2.
    const visit = (k: number) => (i: number, d: number) => {
      const oneFull = one.length >= MAX_ONE_TYPO_COUNT;
      const twoFull = two.length >= MAX_TWO_TYPOS_COUNT;
      if (oneFull && twoFull) return false;
      if (k === 1) {
        if (!twoFull) two.push(dict[i]);
      } else if (d === 1 && !oneFull) one.push(dict[i]);
      else if (d === 2 && !twoFull) two.push(dict[i]);
      return true;
    };
    const go = walkWithinDistance(dict, 0, lo, q, 1, isPrefix, visit(1)) && walkWithinDistance(dict, lo, hi, q, 2, isPrefix, visit(2));
    if (go) walkWithinDistance(dict, hi, dict.length, q, 1, isPrefix, visit(1));
  }
  return { one, two };
}

/**
 * The n-gram of adjacent single-word terms (2 or 3), or null: its word is their concatenation, typos allowed =
 * typos(concatenation) − (n − 1), prefix if the last one is; synonyms of the concatenation and of the words.
 */
export function ngramTerm(ctx: TermBuildContext, terms: readonly LocatedTerm[]): LocatedTerm | null {
  for (const t of terms) if (t.term.zero.phrase) return null;
  for (let i = 1; i < terms.length; i++) if (terms[i - 1].positions[1] + 1 !== terms[i].positions[0]) return null;
  const words: string[] = [];
  for (const t of terms) {
    if (t.term.ngramWords !== null) return null;
    words.push(t.term.original);
  }
  const concat = words.join('');
  if (utf8Length(concat) > MAX_WORD_LENGTH) return null;
  const last = terms[terms.length - 1];
  const maxTypos = Math.max(0, ctx.typos(concat) - (terms.length - 1));
  const term = wordTerm(ctx, concat, maxTypos, last.term.isPrefix, words);
  const seen = new Set(term.zero.synonyms.map((p) => p.words.join('\u0000')));
  for (const p of ctx.synonyms.phrases(words)) {
    const k = p.words.join('\u0000');
    if (!seen.has(k)) {
      seen.add(k);
      term.zero.synonyms.push(p);
    }
  }
  return { term, positions: [terms[0].positions[0], last.positions[1]] };
}
