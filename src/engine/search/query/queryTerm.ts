/**
 * Query terms and their derivations (spec §5.2), and the subsets of derivations ranking rules narrow them to.
 *
 * A term is a query word, an n-gram of 2–3 adjacent words, or a phrase. Its derivations are grouped by typo
 * cost: zero typos (the word itself, words it is a prefix of, the phrase, synonyms, a prefix-database prefix),
 * one typo (words 1 edit away, the word split in two), two typos (words 2 edits away). A ranking rule keeps a
 * subset of these (the typo rule, for instance, one typo group per bucket) and passes it to the next rule.
 */

/** Consecutive words; `null` is a stop word (a one-position gap that any stop word fills). */
export interface Phrase {
  words: (string | null)[];
}

export function phraseKey(p: Phrase): string {
  return p.words.map((w) => (w === null ? '\u0001' : w)).join('\u0000');
}

/** The phrase as Meilisearch describes it: its words joined by spaces, stop words left out. */
export function phraseDescription(p: Phrase): string {
  return p.words.filter((w): w is string => w !== null).join(' ');
}

export interface ZeroTypoDerivations {
  phrase: Phrase | null;
  /** the word itself, when it is in the index */
  exact: string | null;
  /** indexed words starting with the word (prefix term, at most 1,000; empty when `prefixDb`) */
  prefixOf: string[];
  synonyms: Phrase[];
  /** the prefix, when it is common enough to be in Meilisearch's prefix database: it then matches every word starting with it */
  prefixDb: string | null;
}

export interface QueryTerm {
  /** unique per search; keys subsets */
  id: number;
  /** the word, the n-gram concatenation, or the phrase description */
  original: string;
  /** the words of an n-gram, null otherwise */
  ngramWords: string[] | null;
  isPrefix: boolean;
  /** typo budget: 0, 1 or 2 */
  maxTypos: number;
  zero: ZeroTypoDerivations;
  one: { split: Phrase | null; words: string[] };
  two: { words: string[] };
}

/** A word derivation with how it is looked up: `original` words also match in typo-disabled attributes. */
export interface TermWord {
  word: string;
  original: boolean;
}

/** Which derivations of one typo group are kept. */
export type NSubset = { kind: 'all' } | { kind: 'none' } | { kind: 'some'; words: ReadonlySet<string>; phrases: ReadonlySet<string> };

export const ALL: NSubset = { kind: 'all' };
export const NONE: NSubset = { kind: 'none' };

export interface TermSubset {
  term: QueryTerm;
  zero: NSubset;
  one: NSubset;
  two: NSubset;
  /** cannot be removed by the matching strategy (set by exactness) */
  mandatory: boolean;
}

/** A subset at a place of the query: `positions` are query positions, `termIds` the indexes of the query terms covered. */
export interface LocatedSubset {
  subset: TermSubset;
  positions: [number, number];
  termIds: [number, number];
}

export function fullSubset(term: QueryTerm): TermSubset {
  return { term, zero: ALL, one: ALL, two: ALL, mandatory: false };
}

function containsWord(s: NSubset, w: string): boolean {
  return s.kind === 'all' || (s.kind === 'some' && s.words.has(w));
}

function containsPhrase(s: NSubset, p: Phrase): boolean {
  return s.kind === 'all' || (s.kind === 'some' && s.phrases.has(phraseKey(p)));
}

function isEmptyN(s: NSubset): boolean {
  return s.kind === 'none' || (s.kind === 'some' && s.words.size === 0 && s.phrases.size === 0);
}

function nKey(s: NSubset): string {
  if (s.kind !== 'some') return s.kind;
  return `s[${[...s.words].sort().join('\u0000')}|${[...s.phrases].sort().join('\u0002')}]`;
}

export function subsetKey(s: TermSubset): string {
  return `${s.term.id}:${nKey(s.zero)}:${nKey(s.one)}:${nKey(s.two)}:${s.mandatory ? 1 : 0}`;
}

export function locatedKey(l: LocatedSubset): string {
  return `${subsetKey(l.subset)}@${l.positions[0]}-${l.positions[1]}#${l.termIds[0]}-${l.termIds[1]}`;
}

function unionN(a: NSubset, b: NSubset): NSubset {
  if (a.kind === 'all' || b.kind === 'all') return ALL;
  if (a.kind === 'none') return b;
  if (b.kind === 'none') return a;
  return { kind: 'some', words: new Set([...a.words, ...b.words]), phrases: new Set([...a.phrases, ...b.phrases]) };
}

function intersectN(a: NSubset, b: NSubset): NSubset {
  if (a.kind === 'all') return b;
  if (b.kind === 'all') return a;
  if (a.kind === 'none' || b.kind === 'none') return NONE;
  return {
    kind: 'some',
    words: new Set([...a.words].filter((w) => b.words.has(w))),
    phrases: new Set([...a.phrases].filter((p) => b.phrases.has(p))),
  };
}

export function unionSubsets(a: TermSubset, b: TermSubset): TermSubset {
  return { term: a.term, zero: unionN(a.zero, b.zero), one: unionN(a.one, b.one), two: unionN(a.two, b.two), mandatory: a.mandatory };
}

export function intersectSubsets(a: TermSubset, b: TermSubset): TermSubset {
  return { term: a.term, zero: intersectN(a.zero, b.zero), one: intersectN(a.one, b.one), two: intersectN(a.two, b.two), mandatory: a.mandatory };
}

/** Single-word derivations of the subset, except the prefix-database prefix (Meilisearch's `all_single_words_except_prefix_db`). */
export function subsetWords(s: TermSubset): TermWord[] {
  const t = s.term;
  const zeroOriginal = t.ngramWords === null;
  const out: TermWord[] = [];
  const seen = new Set<string>();
  const add = (word: string, original: boolean) => {
    const key = (original ? 'o' : 'd') + word;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ word, original });
  };
  if (t.zero.exact !== null && containsWord(s.zero, t.zero.exact)) add(t.zero.exact, zeroOriginal);
  for (const w of t.zero.prefixOf) if (containsWord(s.zero, w)) add(w, zeroOriginal);
  for (const w of t.one.words) if (containsWord(s.one, w)) add(w, false);
  for (const w of t.two.words) if (containsWord(s.two, w)) add(w, false);
  return out;
}

/**
 * Phrase derivations of the subset. As in Meilisearch, the term's own phrase and its synonyms are returned
 * whatever the zero-typo subset says; the split words only when the one-typo subset keeps them.
 */
export function subsetPhrases(s: TermSubset): Phrase[] {
  const t = s.term;
  const out: Phrase[] = [];
  if (t.zero.phrase) out.push(t.zero.phrase);
  out.push(...t.zero.synonyms);
  if (t.one.split && (s.one.kind === 'all' || (s.one.kind === 'some' && s.one.phrases.has(phraseKey(t.one.split))))) out.push(t.one.split);
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = phraseKey(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The prefix-database prefix, when the zero-typo subset keeps it. */
export function subsetPrefixDb(s: TermSubset): TermWord | null {
  const p = s.term.zero.prefixDb;
  if (p === null || !containsWord(s.zero, p)) return null;
  return { word: p, original: s.term.ngramWords === null };
}

/** The term's phrase, when kept. */
export function subsetOriginalPhrase(s: TermSubset): Phrase | null {
  const p = s.term.zero.phrase;
  return p && containsPhrase(s.zero, p) ? p : null;
}

export type ExactTerm = { kind: 'phrase'; phrase: Phrase } | { kind: 'word'; word: string };

/** The query word or phrase itself, when the subset keeps it (never for n-grams). */
export function exactTerm(s: TermSubset): ExactTerm | null {
  const t = s.term;
  if (t.ngramWords !== null) return null;
  if (t.zero.phrase) return containsPhrase(s.zero, t.zero.phrase) ? { kind: 'phrase', phrase: t.zero.phrase } : null;
  if (t.zero.exact !== null && containsWord(s.zero, t.zero.exact)) return { kind: 'word', word: t.zero.exact };
  return null;
}

export function exactTermWords(e: ExactTerm): (string | null)[] {
  return e.kind === 'phrase' ? e.phrase.words : [e.word];
}

/** Highest typo cost an edge of the typo rule can have for this subset (split words cost 1 even without typos). */
export function maxTypoCost(s: TermSubset): number {
  const t = s.term;
  switch (t.maxTypos) {
    case 0:
      return t.zero.phrase === null ? 1 : 0;
    case 1:
      return isEmptyN(s.one) ? 0 : 1;
    default:
      if (!isEmptyN(s.two)) return 2;
      return isEmptyN(s.one) ? 0 : 1;
  }
}

export function withTypoGroup(s: TermSubset, typos: number): TermSubset {
  return { ...s, zero: typos === 0 ? s.zero : NONE, one: typos === 1 ? s.one : NONE, two: typos === 2 ? s.two : NONE };
}

/** Only the exact word or phrase (exactness), made mandatory. */
export function keepOnlyExact(s: TermSubset): TermSubset {
  const e = exactTerm(s);
  let out = s;
  if (e) {
    const zero: NSubset =
      e.kind === 'phrase' ? { kind: 'some', words: new Set(), phrases: new Set([phraseKey(e.phrase)]) } : { kind: 'some', words: new Set([e.word]), phrases: new Set() };
    out = { ...s, zero, one: NONE, two: NONE };
  }
  return { ...out, mandatory: true };
}

/** Every derivation computed for the term (for the highlighter). */
export function allDerivations(t: QueryTerm): { words: string[]; phrases: Phrase[] } {
  const words = new Set<string>();
  if (t.zero.exact !== null) words.add(t.zero.exact);
  for (const w of t.zero.prefixOf) words.add(w);
  for (const w of t.one.words) words.add(w);
  for (const w of t.two.words) words.add(w);
  const phrases: Phrase[] = [];
  if (t.zero.phrase) phrases.push(t.zero.phrase);
  phrases.push(...t.zero.synonyms);
  if (t.one.split) phrases.push(t.one.split);
  return { words: [...words], phrases };
}
