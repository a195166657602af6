/**
 * The split-word derivation (spec §5.2): a query word cut in two adjacent indexed words, choosing the cut whose
 * halves are adjacent in the most documents (the first cut on ties). Costs one typo, is allowed without typo
 * tolerance, never for phrases; an n-gram is not split back into its own words.
 *
 * Meilisearch counts documents in its word-pair proximity database (by word: the halves adjacent, in this order,
 * in one field; by attribute: both in one searched field — and there every cut counts, even with 0 documents).
 * We count from the halves' postings; results are memoized per index state since they cost a posting merge.
 */
import { intersect } from '../../storage/docSet.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { SearchData } from '../ranking/searchData.ts';
import { utf8Length } from '../../storage/byteCodec.ts';
import { dictionaryHas } from './dictionaryWalk.ts';
import { MAX_WORD_LENGTH } from './termBuilder.ts';
import type { Phrase, QueryTerm } from './queryTerm.ts';

/** Both halves of every cut of `word` that are indexed words (they must be loaded before `bestSplit`). */
export function splitCandidates(dict: readonly string[], word: string): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // not a character boundary
    const l = word.slice(0, i);
    const r = word.slice(i);
    if (dictionaryHas(dict, l) && dictionaryHas(dict, r)) out.push([l, r]);
  }
  return out;
}

/** Memo of split results, per index state and policy (they do not change until the index does). */
const memo = new WeakMap<IndexState, Map<string, Phrase | null>>();
const MEMO_MAX = 4096;

function adjacentCount(data: SearchData, l: string, r: string): number {
  const docs = intersect(data.allDocs(l), data.allDocs(r));
  if (docs.length === 0) return 0;
  if (data.policy.byAttribute) {
    let n = 0;
    const occ = data.occurrences([l, r], docs);
    for (let i = 0; i < docs.length; i++) {
      const fl = new Set<number>();
      let shared = false;
      for (let k = occ.start[i]; k < occ.start[i + 1]; k++) {
        const fid = occ.occ[k] >>> 16;
        if (!data.fieldAllowed(fid)) continue;
        if (occ.word[k] === 0) fl.add(fid);
      }
      for (let k = occ.start[i]; k < occ.start[i + 1] && !shared; k++) if (occ.word[k] === 1 && fl.has(occ.occ[k] >>> 16)) shared = true;
      if (shared) n++;
    }
    return n;
  }
  const occ = data.occurrences([l, r], docs);
  let n = 0;
  for (let i = 0; i < docs.length; i++) {
    const s = occ.start[i];
    const e = occ.start[i + 1];
    let found = false;
    for (let k = s; k < e && !found; k++) {
      if (occ.word[k] !== 0) continue;
      const o = occ.occ[k];
      for (let x = k + 1; x < e && occ.occ[x] <= o + 1; x++) {
        if (occ.occ[x] === o + 1 && occ.word[x] === 1 && (o >>> 16) === ((o + 1) >>> 16)) found = true;
      }
    }
    if (found) n++;
  }
  return n;
}

function memoKey(data: SearchData, word: string): string {
  return `${data.policy.byAttribute ? 'a' : 'w'}${data.policy.restricted ? [...data.policy.restricted.all].join(',') : '*'}\u0000${word}`;
}

/** The split of `word` when already computed for this index state (null: none), else undefined. */
export function knownSplit(data: SearchData, word: string): Phrase | null | undefined {
  return memo.get(data.state)?.get(memoKey(data, word));
}

/** The best split of `word`, or null. Halves must have been loaded (see `splitCandidates`). */
export function bestSplit(data: SearchData, word: string): Phrase | null {
  const key = memoKey(data, word);
  let m = memo.get(data.state);
  if (!m) memo.set(data.state, (m = new Map()));
  const hit = m.get(key);
  if (hit !== undefined) return hit;
  let best: { freq: number; l: string; r: string } | null = null;
  const byAttribute = data.policy.byAttribute;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const l = word.slice(0, i);
    const r = word.slice(i);
    const indexed = dictionaryHas(data.dict, l) && dictionaryHas(data.dict, r);
    let freq: number | null;
    if (byAttribute) freq = indexed ? adjacentCount(data, l, r) : 0;
    else freq = indexed ? adjacentCount(data, l, r) : null;
    // By word, Meilisearch only sees pairs present in its database (at least one document).
    if (!byAttribute && freq === 0) freq = null;
    if (freq !== null && (best === null || freq > best.freq)) best = { freq, l, r };
  }
  const out: Phrase | null = best ? { words: [best.l, best.r] } : null;
  if (m.size >= MEMO_MAX) m.clear();
  m.set(key, out);
  return out;
}

/** Adds the split derivation to a (non-phrase) term. */
export function addSplit(data: SearchData, term: QueryTerm): void {
  if (term.zero.phrase || utf8Length(term.original) > MAX_WORD_LENGTH) return;
  const split = bestSplit(data, term.original);
  if (split && term.ngramWords && split.words.join('\u0000') === term.ngramWords.join('\u0000')) return;
  term.one.split = split;
}
