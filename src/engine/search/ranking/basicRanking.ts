/**
 * First-search ranking: documents matching more query words first (words removed from the end of the query,
 * Meilisearch's `last` strategy), then by the best position of the matched words, then internal id.
 */
import { difference, intersect, unionMany, type DocSet } from '../../storage/docSet.ts';
import { occPosition, type Posting } from '../../storage/postingCodec.ts';
import type { PostingsReader } from '../postingsReader.ts';
import type { BasicTerm } from '../query/basicQuery.ts';

/** Cap on words a prefix expands to (Meilisearch's limit). */
export const MAX_PREFIX_DERIVATIONS = 1000;

/** Words of the dictionary starting with `prefix` (the dictionary is sorted). */
export function prefixWords(dictionary: readonly string[], prefix: string, limit = MAX_PREFIX_DERIVATIONS): string[] {
  let lo = 0;
  let hi = dictionary.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dictionary[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < dictionary.length && out.length < limit && dictionary[i].startsWith(prefix); i++) out.push(dictionary[i]);
  return out;
}

export interface RankedResult {
  /** ranked documents (only as many as needed for the page) */
  ranked: number[];
  /** number of candidates */
  total: number;
}

function bestPosition(postings: Posting[], doc: number): number {
  let best = 65536;
  for (const p of postings) {
    // binary search doc in p.docs
    let lo = 0;
    let hi = p.docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = p.docs[mid];
      if (v === doc) {
        for (let k = p.offsets[mid]; k < p.offsets[mid + 1]; k++) best = Math.min(best, occPosition(p.occ[k]));
        break;
      }
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return best;
}

export async function rankBasic(
  reader: PostingsReader,
  dictionary: readonly string[],
  terms: readonly BasicTerm[],
  universe: DocSet,
  need: number,
): Promise<RankedResult> {
  const derivations = terms.map((t) => (t.prefix ? prefixWords(dictionary, t.word) : [t.word]));
  await reader.load(derivations.flat());
  const termPostings = derivations.map((words) => words.map((w) => reader.posting(w)));
  const termDocs = termPostings.map((ps) => intersect(unionMany(ps.map((p) => p.docs)), universe));
  // Buckets: all terms, then all but the last, … down to the first term alone.
  const ranked: number[] = [];
  let seen: DocSet = new Uint32Array(0);
  let total = 0;
  let acc: DocSet = universe;
  const prefixSets: DocSet[] = [];
  for (const d of termDocs) {
    acc = intersect(acc, d);
    prefixSets.push(acc);
  }
  for (let k = terms.length; k >= 1; k--) {
    const bucket = difference(prefixSets[k - 1], seen);
    if (bucket.length === 0) continue;
    total += bucket.length;
    seen = unionMany([seen, bucket]);
    if (ranked.length >= need) continue;
    const matched = termPostings.slice(0, k).flat();
    const scored = Array.from(bucket, (doc) => ({ doc, pos: bestPosition(matched, doc) }));
    scored.sort((a, b) => a.pos - b.pos || a.doc - b.doc);
    for (const s of scored) {
      if (ranked.length >= need) break;
      ranked.push(s.doc);
    }
  }
  return { ranked, total };
}
