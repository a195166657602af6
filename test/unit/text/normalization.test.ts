import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/engine/text/analyzer.ts';
import { wordNorms } from './helpers.ts';

const one = (text: string, locales?: string[]): string => {
  const words = wordNorms(text, {}, locales);
  expect(words).toHaveLength(1);
  return words[0];
};

describe('normalization per script', () => {
  it('lowercases Latin', () => {
    expect(one('PascalCase')).toBe('pascalcase');
  });

  it('removes Latin diacritics: é → e, ñ → n, ü → u', () => {
    expect(wordNorms('Café Ñandú Müller')).toEqual(['cafe', 'nandu', 'muller']);
  });

  it('removes diacritics written as separate combining marks too', () => {
    expect(one('Cafe\u0301')).toBe('cafe');
  });

  it('expands the ligatures œ and æ (any case)', () => {
    expect(wordNorms('Œuvre cœur Æther')).toEqual(['oeuvre', 'coeur', 'aether']);
  });

  it('keeps ß (charabia has no rule for it) and lowercases ẞ to ß', () => {
    expect(wordNorms('Straße STRAẞE')).toEqual(['straße', 'straße']);
  });

  it('folds ð/đ to d and dotless ı to i', () => {
    expect(wordNorms('Đorđe ðæ ılık')).toEqual(['dorde', 'dae', 'ilik']);
  });

  it('decomposes compatibility characters (NFKD): ﬁ → fi, ² → 2, ｆｕｌｌ stays unlowercased (its block counts as Hangul)', () => {
    expect(wordNorms('ﬁne x² ＦＵＬＬ')).toEqual(['fine', 'x2', 'FULL']);
  });

  it('lowercases Cyrillic but keeps its combining marks (й → и + breve)', () => {
    expect(wordNorms('Привет ЙОД')).toEqual(['привет', 'и\u0306од']);
  });

  it('lowercases Greek, removes its accents and folds a final ς to σ', () => {
    expect(wordNorms('Αγαπητός ΟΔΟΣ')).toEqual(['αγαπητοσ', 'οδοσ']);
  });

  it('lowercases Σ to σ even where a word-final form would be expected', () => {
    expect(one('ΑΣ1Β')).toBe('ασ1β');
  });

  it('lowercases Armenian', () => {
    expect(one('ՀայասՏան')).toBe('հայաստան');
  });

  it('removes Hebrew points (niqqud)', () => {
    expect(one('כָּבוֹד')).toBe('כבוד');
  });

  it('removes Arabic short vowels and folds alef/yeh/teh marbuta variants', () => {
    expect(wordNorms('أَب كبيرة مستشفى')).toEqual(['اب', 'كبيره', 'مستشفي']);
  });

  it('removes Thai tone marks and vowel signs written above/below (non-spacing marks)', () => {
    expect(wordNorms('ง่าย')).toEqual(['งาย']);
  });

  it('does not touch Devanagari vowel signs (not a script charabia strips)', () => {
    expect(one('हिन्दी')).toBe('हिन्दी');
  });

  it('keeps å ä ö only with the Swedish locale', () => {
    expect(one('Åsa')).toBe('asa');
    expect(one('Åsa', ['swe'])).toBe('åsa');
    expect(one('öl', ['sv'])).toBe('öl');
  });

  it('turns curly quotes into a straight one when they are not separators', () => {
    const a = createAnalyzer({ nonSeparatorTokens: ['’', "'"] });
    expect(a.tokenize('don’t').map((t) => t.norm)).toEqual(["don't"]);
  });

  it('normalizes a single word for synonyms and facet search with normalizeWord', () => {
    const a = createAnalyzer({});
    expect(a.normalizeWord('Héllo')).toBe('hello');
    expect(a.normalizeWord('New York')).toBe('new york');
    expect(a.normalizeWord('ΟΔΟΣ')).toBe('οδοσ');
  });
});
