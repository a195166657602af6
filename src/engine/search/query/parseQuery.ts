/**
 * `q` → the relevance layer's query (spec §5.1–§5.2): located terms with every derivation, the query graph with
 * its n-grams, negative words and phrases, and the matching words for the highlighter. Reads the postings the
 * ranking will need in one go (derivations, phrase and synonym words, split halves, negated words).
 */
import type { IndexState } from '../../indexes/indexState.ts';
import type { PostingsReader } from '../postingsReader.ts';
import type { ResolvedSearchParams } from '../searchParams.ts';
import type { ParsedQuery } from '../pipeline.ts';
import { fieldPolicy, queryLocales, type FieldPolicy } from '../ranking/fieldPolicy.ts';
import { SearchData } from '../ranking/searchData.ts';
import { TermResolver } from '../ranking/termDocs.ts';
import { QueryGraph, type LocatedTerm } from './queryGraph.ts';
import { fullSubset, type LocatedSubset, type Phrase, type QueryTerm } from './queryTerm.ts';
import { readQueryTokens } from './queryTokens.ts';
import { SynonymLookup } from './synonyms.ts';
import { typoBudget } from './typoBudget.ts';
import { ngramTerm, phraseTerm, wordTerm, type TermBuildContext } from './termBuilder.ts';
import { addSplit, knownSplit, splitCandidates } from './splitWords.ts';
import { matchingWords } from './matchingWords.ts';

/** The parsed query with everything ranking needs. */
export interface RelevanceQuery extends ParsedQuery {
  policy: FieldPolicy;
  data: SearchData;
  terms: TermResolver;
  /** null when no term survived (only negations or stop words): a placeholder search minus the exclusions */
  graph: QueryGraph | null;
  /** the query's terms then its n-grams */
  located: LocatedTerm[];
  negativeWords: string[];
  negativePhrases: Phrase[];
}

/** Words of a term whose documents ranking reads, and words whose positions it reads right away. */
function termWords(data: SearchData, t: QueryTerm, docs: Set<string>, positions: Set<string>): void {
  const z = t.zero;
  if (z.exact !== null) docs.add(z.exact);
  for (const w of z.prefixOf) docs.add(w);
  if (z.prefixDb !== null) for (const w of data.wordsWithPrefix(z.prefixDb)) docs.add(w);
  for (const w of t.one.words) docs.add(w);
  for (const w of t.two.words) docs.add(w);
  // Phrases are resolved from positions; so are split words (adjacency counts) unless already known.
  for (const p of [...(z.phrase ? [z.phrase] : []), ...z.synonyms]) for (const w of p.words) if (w !== null) positions.add(w);
  if (z.phrase) return;
  const known = knownSplit(data, t.original);
  if (known === undefined) for (const [l, r] of splitCandidates(data.dict, t.original)) positions.add(l).add(r);
  else if (known) for (const w of known.words) if (w !== null) positions.add(w);
}

/**
 * Parses `q` (null for a placeholder search). `attributesToSearchOn` is validated even then, as Meilisearch
 * does before anything else.
 */
export async function parseQuery(state: IndexState, p: ResolvedSearchParams, reader: PostingsReader): Promise<RelevanceQuery | null> {
  const policy = fieldPolicy(state, p.attributesToSearchOn);
  const q = p.q ?? '';
  if (q.trim() === '') return null;
  const settings = state.settings;
  const analyzer = state.analyzer();
  const locales = queryLocales(state, policy, p.locales);
  const tokens = analyzer.tokenize(q, locales.length ? locales : undefined);
  const raw = readQueryTokens(tokens, settings.prefixSearch !== 'disabled');
  const data = new SearchData(state, reader, policy);
  const ctx: TermBuildContext = { dict: data.dict, typos: typoBudget(settings, analyzer), synonyms: new SynonymLookup(settings, analyzer, locales) };

  const originals: LocatedTerm[] = raw.terms.map((r) =>
    r.kind === 'word'
      ? { term: wordTerm(ctx, r.word, ctx.typos(r.word), r.prefix, null), positions: [r.position, r.position] }
      : { term: phraseTerm(r.phrase), positions: r.positions },
  );
  // Graph nodes: each term, then the n-grams ending with it (2 then 3 words).
  const located: LocatedTerm[] = [...originals];
  const nodes: LocatedSubset[] = [];
  originals.forEach((t, i) => {
    nodes.push({ subset: fullSubset(t.term), positions: t.positions, termIds: [i, i] });
    for (const n of [2, 3]) {
      if (i + 1 < n) continue;
      const ngram = ngramTerm(ctx, originals.slice(i + 1 - n, i + 1));
      if (!ngram) continue;
      located.push(ngram);
      nodes.push({ subset: fullSubset(ngram.term), positions: ngram.positions, termIds: [i + 1 - n, i] });
    }
  });

  const docWords = new Set<string>(raw.negativeWords);
  const positionWords = new Set<string>();
  for (const t of located) termWords(data, t.term, docWords, positionWords);
  for (const ph of raw.negativePhrases) for (const w of ph.words) if (w !== null) positionWords.add(w);
  await data.loadPositions(positionWords);
  await data.loadDocs(docWords);
  for (const t of located) addSplit(data, t.term);

  return {
    matchingWords: matchingWords(located),
    policy,
    data,
    terms: new TermResolver(data),
    graph: originals.length ? QueryGraph.fromNodes(nodes) : null,
    located,
    negativeWords: raw.negativeWords,
    negativePhrases: raw.negativePhrases,
  };
}
