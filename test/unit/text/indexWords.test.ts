import { describe, expect, it } from 'vitest';
import { createAnalyzer, MAX_POSITION, MAX_WORD_BYTES } from '../../../src/engine/text/analyzer.ts';
import type { AnalyzerConfig } from '../../../src/engine/text/types.ts';
import { indexed } from './helpers.ts';

describe('indexWords', () => {
  it('exports the limits', () => {
    expect(MAX_WORD_BYTES).toBe(250);
    expect(MAX_POSITION).toBe(65535);
  });

  it('indexes words of up to 250 bytes and skips longer ones, which still take a position', () => {
    const ok = 'a'.repeat(250);
    const long = 'b'.repeat(251);
    expect(indexed(`${ok} ${long} c`)).toEqual([`${ok}@0`, 'c@2']);
  });

  it('measures the 250-byte limit in UTF-8 bytes of the normalized word', () => {
    const fits = 'ж'.repeat(125); // 2 bytes each
    const over = 'ж'.repeat(126);
    expect(indexed(`${fits} ${over} x`)).toEqual([`${fits}@0`, 'x@2']);
    // é normalizes to e: 200 of them are 200 bytes once normalized.
    expect(indexed('é'.repeat(200))).toEqual([`${'e'.repeat(200)}@0`]);
  });

  it('starts at startPosition', () => {
    expect(indexed('a b', {}, 16)).toEqual(['a@16', 'b@17']);
  });

  it('drops words at position 65,536 and beyond', () => {
    expect(indexed('a b c d', {}, 65533)).toEqual(['a@65533', 'b@65534', 'c@65535']);
    expect(indexed('a. b', {}, 65530)).toEqual(['a@65530']);
    expect(indexed('é. b', {}, 65530)).toEqual(['e@65530']);
    expect(createAnalyzer({}).indexWords('a', () => {}, 65536)).toBe(65535);
  });

  it('trims the normalized word like Meilisearch (a trailing NBSP decomposes to a space)', () => {
    const a = createAnalyzer({});
    expect(a.tokenize('bonjour\u00a0!')[0].norm).toBe('bonjour ');
    expect(indexed('bonjour\u00a0!')).toEqual(['bonjour@0']);
  });

  it('returns the cursor of the next array value with indexValue: last emitted word, or the start', () => {
    const a = createAnalyzer({});
    const long = 'x'.repeat(300);
    expect(a.indexValue?.(`hello ${long}`, () => {}, 0)).toBe(0);
    expect(a.indexWords(`hello ${long}`, () => {}, 0)).toBe(1);
    expect(a.indexValue?.('...', () => {}, 8)).toBe(8);
  });
});

/** Indexing must equal "words of tokenize(), trimmed, ≤ 250 bytes, < 65,536" — whichever path runs. */
function viaTokenize(config: AnalyzerConfig, text: string, start: number, locales?: string[]): string[] {
  const out: string[] = [];
  const enc = new TextEncoder();
  for (const t of createAnalyzer(config).tokenize(text, locales)) {
    if (t.kind !== 'word') continue;
    const w = t.norm.trim();
    const p = t.position + start;
    if (p > MAX_POSITION) break;
    if (w.length > 0 && enc.encode(w).length <= 250) out.push(`${w}@${p}`);
  }
  return out;
}

describe('ASCII fast path', () => {
  const alphabet = ['a', 'B', 'c', 'Z', '1', ' ', ' ', '.', ',', '-', "'", '!', '\t', '\u0001', '\u0000', '<', '#', '|', 'th', 'e '];
  const configs: AnalyzerConfig[] = [
    {},
    { stopWords: ['the', 'a', 'B', '-'] },
    { separatorTokens: ['|', '<#'], nonSeparatorTokens: ['-', "'"] },
    { dictionary: ['a.b', 'Zc', 'e ', '1, 1'], stopWords: ['Zc'] },
  ];

  it('gives exactly what the general path gives, on random ASCII text', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      let text = '';
      const len = rnd(40);
      for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
      for (const config of configs) {
        const start = rnd(3) === 0 ? 65530 : 0;
        expect(indexed(text, config, start), JSON.stringify({ text, config })).toEqual(viaTokenize(config, text, start));
      }
    }
  });
});

describe('ASCII ranges (indexValue with a range sink)', () => {
  const alphabet = ['a', 'B', 'c', 'Z', '1', ' ', '.', ',', '-', "'", '\t', '\u0001', '<', '#', '|', 'th', 'e ', 'Quick'];
  const configs: AnalyzerConfig[] = [{}, { stopWords: ['the', 'a'] }, { separatorTokens: ['|', '<#'], nonSeparatorTokens: ['-', "'"] }, { dictionary: ['a.b', 'Zc'] }];

  it('hands over the same words, as lowercased ranges or strings, with the same positions and cursor', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let ranges = 0;
    for (let round = 0; round < 400; round++) {
      let text = '';
      const len = rnd(40);
      for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
      for (const config of configs) {
        const a = createAnalyzer(config);
        const start = rnd(3) === 0 ? 65530 : 0;
        const plain: string[] = [];
        const plainCursor = a.indexValue(text, (w, p) => plain.push(`${w}@${p}`), start);
        const mixed: string[] = [];
        const mixedCursor = a.indexValue(
          text,
          (w, p) => mixed.push(`${w}@${p}`),
          start,
          undefined,
          (t, s, e, p) => {
            ranges++;
            mixed.push(`${t.slice(s, e).toLowerCase()}@${p}`);
          },
        );
        expect(mixed, JSON.stringify({ text, config })).toEqual(plain);
        expect(mixedCursor).toBe(plainCursor);
      }
    }
    expect(ranges).toBeGreaterThan(1000);
  });
});

describe('Unicode indexing path', () => {
  // Pieces where per-character and whole-token rules meet: marks, ligatures, final sigma, kana, RTL, emoji…
  const alphabet = ['é', 'Œ', 'ß', 'Σ', 'ς', 'ж', '東', 'カ', 'ー', 'ก', '\u0e48', 'ا', 'ل', '\u0301', '😀', 'ﬁ', '\u00a0', '…', '。', 'Å', 'a', ' ', '.', '\u0001', 'ـ'];
  const cases: Array<[AnalyzerConfig, string[] | undefined]> = [
    [{}, undefined],
    [{ stopWords: ['ж', 'é'] }, ['swe']],
    [{ dictionary: ['東カ'] }, ['jpn']],
    [{}, ['ara', 'pes']],
  ];

  it('emits exactly the word tokens of tokenize() (the fast normalizer equals the per-character one)', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      const len = rnd(24);
      for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
      for (const [config, locales] of cases) {
        const got: string[] = [];
        createAnalyzer(config).indexWords(text, (w, p) => got.push(`${w}@${p}`), 0, locales);
        expect(got, JSON.stringify({ text, config, locales })).toEqual(viaTokenize(config, text, 0, locales));
      }
    }
  });
});
