/**
 * The first half of `exactness` (Meilisearch's `ExactAttribute`, spec §5.4): three buckets — an attribute that
 * is exactly the query, one that starts with it, the rest. Only when the remaining terms are the query's
 * words/phrases themselves, contiguous from the first one; otherwise every document is "noExactMatch".
 *
 * As in Meilisearch, "exactly" is approximated: each query word must appear at its query position (position
 * buckets, any field), all words in one field, and — for an exact match — that field must have as many words
 * as the query spans (counted only for fields of at most 30 words).
 */
import { difference, EMPTY, intersect, unionMany, type DocSet } from '../../storage/docSet.ts';
import type { QueryGraph } from '../query/queryGraph.ts';
import type { LoadedSegment } from '../../indexes/indexState.ts';
import { exactTerm, exactTermWords } from '../query/queryTerm.ts';
import type { RankingRule, RuleBucket } from './rankingRule.ts';
import type { ExactMatchType } from './scoreDetails.ts';
import type { SearchData } from './searchData.ts';
import { bucketedPosition } from './termDocs.ts';

/** Per segment, per field, the documents of each word count (built once per loaded segment). */
const countIndexes = new WeakMap<LoadedSegment, Map<number, DocSet[]>>();

function byCount(seg: LoadedSegment): Map<number, DocSet[]> {
  let m = countIndexes.get(seg);
  if (m) return m;
  m = new Map();
  for (const [fid, f] of seg.fieldWordCounts) {
    const lists: number[][] = [];
    for (let i = 0; i < f.docs.length; i++) (lists[f.counts[i]] ??= []).push(f.docs[i]);
    m.set(fid, Array.from(lists, (l) => (l ? Uint32Array.from(l) : EMPTY)));
  }
  countIndexes.set(seg, m);
  return m;
}

interface FieldCandidates {
  startsWith: DocSet;
  exactCount: DocSet;
}

type State = { step: ExactMatchType; fields: FieldCandidates[] } | null;

export class ExactAttributeRule implements RankingRule {
  readonly id = 'exactness';
  private state: State = null;
  private query: QueryGraph | null = null;

  constructor(private readonly data: SearchData) {}

  async start(universe: DocSet, query: QueryGraph | null): Promise<void> {
    this.query = query;
    this.state = { step: 'noExactMatch', fields: [] };
    if (!query) return;
    const found: { words: (string | null)[]; start: number; termId: number; span: number }[] = [];
    for (const id of query.termNodes()) {
      const node = query.nodes[id];
      if (node.kind !== 'term') continue;
      const e = exactTerm(node.term.subset);
      if (!e) continue;
      found.push({ words: exactTermWords(e), start: node.term.positions[0], termId: node.term.termIds[0], span: node.term.positions[1] - node.term.positions[0] + 1 });
    }
    found.sort((a, b) => a.termId - b.termId);
    const terms = found.filter((t, i) => i === 0 || t.termId !== found[i - 1].termId);
    // A hole in the query (a word dropped by the words rule) rules any exact match out.
    if (terms.length === 0 || terms[0].termId !== 0) return;
    for (let i = 1; i < terms.length; i++) if (terms[i].termId - terms[i - 1].termId > 1) return;
    const spanned = terms.reduce((n, t) => n + t.span, 0);

    const allWords = [...new Set(terms.flatMap((t) => t.words.filter((w): w is string => w !== null)))];
    await this.data.loadPositionsIn(allWords, universe);
    const wordIndex = new Map(allWords.map((w, i) => [w, i]));
    // Each word at its query position (bucketed, in any field).
    let candidates = universe;
    const occ = this.data.occurrences(allWords, universe);
    for (const t of terms) {
      for (let offset = 0; offset < t.words.length; offset++) {
        const w = t.words[offset];
        if (w === null) continue;
        const wi = wordIndex.get(w)!;
        const want = bucketedPosition((t.start + offset) & 0xffff);
        const keep: number[] = [];
        let c = 0;
        for (let i = 0; i < universe.length && c < candidates.length; i++) {
          if (universe[i] !== candidates[c]) continue;
          c++;
          for (let k = occ.start[i]; k < occ.start[i + 1]; k++) {
            if (occ.word[k] === wi && bucketedPosition(occ.occ[k] & 0xffff) === want) {
              keep.push(universe[i]);
              break;
            }
          }
        }
        candidates = Uint32Array.from(keep);
        if (candidates.length === 0) return;
      }
    }
    // Then every word in one field.
    const perField = new Map<number, number[]>();
    let c = 0;
    for (let i = 0; i < universe.length && c < candidates.length; i++) {
      if (universe[i] !== candidates[c]) continue;
      c++;
      const fields = new Map<number, Set<number>>();
      for (let k = occ.start[i]; k < occ.start[i + 1]; k++) {
        const fid = occ.occ[k] >>> 16;
        if (!this.data.fieldAllowed(fid)) continue;
        let s = fields.get(fid);
        if (!s) fields.set(fid, (s = new Set()));
        s.add(occ.word[k]);
      }
      for (const [fid, s] of fields) {
        if (s.size !== allWords.length) continue;
        let list = perField.get(fid);
        if (!list) perField.set(fid, (list = []));
        list.push(universe[i]);
      }
    }
    const fields: FieldCandidates[] = [];
    for (const { fid } of this.data.policy.searchable) {
      const list = perField.get(fid);
      if (!list) continue;
      fields.push({ startsWith: Uint32Array.from(list), exactCount: spanned < 255 ? intersect(this.docsWithWordCount(fid, spanned), universe) : EMPTY });
    }
    this.state = { step: 'exactMatch', fields };
  }

  /** Live documents whose field `fid` has exactly `n` indexed words. */
  private docsWithWordCount(fid: number, n: number): DocSet {
    const parts: DocSet[] = [];
    for (const seg of this.data.state.segments) {
      const docs = byCount(seg).get(fid)?.[n];
      if (docs?.length) parts.push(seg.tombstones.length ? difference(docs, seg.tombstones) : docs);
    }
    return unionMany(parts);
  }

  next(universe: DocSet): RuleBucket | null {
    const s = this.state;
    if (!s) return null;
    let docs: DocSet;
    const step = s.step;
    if (step === 'exactMatch') {
      docs = intersect(unionMany(s.fields.map((f) => intersect(f.startsWith, f.exactCount))), universe);
      s.step = 'matchesStart';
    } else if (step === 'matchesStart') {
      docs = intersect(unionMany(s.fields.map((f) => difference(f.startsWith, f.exactCount))), universe);
      s.step = 'noExactMatch';
    } else docs = universe;
    return { docs, query: this.query, score: { kind: 'exactAttribute', match: step } };
  }

  end(): void {
    this.state = null;
    this.query = null;
  }
}
