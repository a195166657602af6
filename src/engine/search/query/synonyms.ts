/**
 * Synonyms as Meilisearch stores and applies them (spec §5.2): keys are normalized into word lists (stop words
 * and separators dropped; keys normalizing to the same words merge their values), values stay as written
 * (sorted, deduplicated) and are normalized with the query's tokenizer when a query uses them. One-way: a key
 * maps to its values only, nothing is transitive.
 */
import type { Analyzer } from '../../text/types.ts';
import type { Settings } from '../../types/settings.ts';
import { compareUtf8, utf8Length } from '../../storage/byteCodec.ts';
import type { Phrase } from './queryTerm.ts';

/** Meilisearch's caps on the synonyms of one word. */
export const MAX_SYNONYM_PHRASES = 50;
export const MAX_SYNONYM_WORDS = 100;

const KEY_SEP = '\u0000';
const tables = new WeakMap<Settings, Map<string, string[]>>();

/** Word tokens of a text (no stop words, no separators). */
function wordsOf(analyzer: Analyzer, text: string, locales?: readonly string[]): string[] {
  return analyzer
    .tokenize(text, locales)
    .filter((t) => t.kind === 'word' && t.norm !== '')
    .map((t) => t.norm);
}

function table(settings: Settings, analyzer: Analyzer): Map<string, string[]> {
  let t = tables.get(settings);
  if (t) return t;
  const merged = new Map<string, string[]>();
  for (const [key, values] of Object.entries(settings.synonyms)) {
    const words = wordsOf(analyzer, key);
    if (words.length === 0) continue;
    const k = words.join(KEY_SEP);
    const list = merged.get(k) ?? [];
    list.push(...values);
    merged.set(k, list);
  }
  t = new Map();
  for (const [k, values] of merged) {
    // Rust sorts strings by bytes: UTF-8 order.
    const sorted = [...new Set(values)].sort(compareUtf8);
    if (!sorted.some((v) => wordsOf(analyzer, v).length > 0)) continue;
    const words = k.split(KEY_SEP);
    if (words.reduce((n, w) => n + utf8Length(w), 0) + words.length >= 500) continue;
    t.set(k, sorted);
  }
  tables.set(settings, t);
  return t;
}

/** Lookup of normalized synonyms for one search (values tokenized with the query's locales). */
export class SynonymLookup {
  private readonly table: Map<string, string[]>;

  constructor(
    settings: Settings,
    private readonly analyzer: Analyzer,
    private readonly locales: readonly string[],
  ) {
    this.table = table(settings, analyzer);
  }

  /** Every synonym phrase of the key words, normalized (empty ones dropped). */
  phrases(keyWords: readonly string[]): Phrase[] {
    const values = this.table.get(keyWords.join(KEY_SEP));
    if (!values) return [];
    const out: Phrase[] = [];
    for (const v of values) {
      const words = wordsOf(this.analyzer, v, this.locales.length ? this.locales : undefined);
      if (words.length) out.push({ words });
    }
    return out;
  }

  /** Synonyms of a single word, within Meilisearch's caps (50 phrases, 100 words in all). */
  capped(word: string): Phrase[] {
    let count = 0;
    return this.phrases([word])
      .slice(0, MAX_SYNONYM_PHRASES)
      .filter((p) => {
        if (count + p.words.length > MAX_SYNONYM_WORDS) return false;
        count += p.words.length;
        return true;
      });
  }
}
