import { createAnalyzer } from '../../../src/engine/text/analyzer.ts';
import type { AnalyzerConfig, Token } from '../../../src/engine/text/types.ts';

/** Normalized forms of every token (words, stop words, separators), in order. */
export function norms(text: string, config: AnalyzerConfig = {}, locales?: string[]): string[] {
  return createAnalyzer(config).tokenize(text, locales).map((t) => t.norm);
}

/** Normalized forms of the word tokens only. */
export function wordNorms(text: string, config: AnalyzerConfig = {}, locales?: string[]): string[] {
  return createAnalyzer(config)
    .tokenize(text, locales)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
}

/** What the indexer receives: `word@position` for each emitted word. */
export function indexed(text: string, config: AnalyzerConfig = {}, start?: number, locales?: string[]): string[] {
  const out: string[] = [];
  createAnalyzer(config).indexWords(text, (w, p) => out.push(`${w}@${p}`), start, locales);
  return out;
}

/** Compact view of tokens: `norm@position` for words, `(norm)@position` for stop words, `[norm]` / `[[norm]]` for soft / hard separators. */
export function view(tokens: Token[]): string[] {
  return tokens.map((t) => {
    if (t.kind === 'word') return `${t.norm}@${t.position}`;
    if (t.kind === 'stopWord') return `(${t.norm})@${t.position}`;
    return t.separatorKind === 'hard' ? `[[${t.norm}]]` : `[${t.norm}]`;
  });
}
