import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/engine/text/analyzer.ts';
import type { Token } from '../../../src/engine/text/types.ts';

const analyzer = createAnalyzer({});
const tok = (text: string): Token[] => analyzer.tokenize(text);

/** The original characters a highlighter would wrap for a prefix of `k` normalized units. */
function prefixOriginal(text: string, t: Token, k: number): string {
  const covered = t.charMap ? t.charMap[k] : k;
  return text.slice(t.start, t.start + covered);
}

describe('token offsets', () => {
  it('covers the text contiguously with UTF-16 offsets', () => {
    const text = 'Héllo, 世界! 😀 ok';
    const tokens = tok(text);
    expect(tokens.map((t) => text.slice(t.start, t.end)).join('')).toBe(text);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBe(tokens[i - 1].end);
  });

  it('gives UTF-8 byte offsets for multi-byte characters', () => {
    const [hello, , world] = tok('héllo wörld');
    expect([hello.byteStart, hello.byteEnd, world.byteStart, world.byteEnd]).toEqual([0, 6, 7, 13]);
    expect([world.start, world.end]).toEqual([6, 11]);
  });

  it('counts 4 bytes and 2 UTF-16 units for characters outside the BMP', () => {
    const tokens = tok('😀 a');
    const a = tokens[tokens.length - 1];
    expect([a.start, a.byteStart, a.byteEnd]).toEqual([3, 5, 6]);
  });

  it('counts 3 bytes per CJK character', () => {
    const [, , second] = tok('我爱北京');
    expect(second.norm).toBe('北京');
    expect([second.byteStart, second.byteEnd]).toEqual([6, 12]);
  });
});

describe('charMap (prefix highlighting)', () => {
  it('is absent when the normalized form is the original text', () => {
    expect(tok('hello')[0].charMap).toBeUndefined();
  });

  it('maps a normalized prefix onto the original accented characters: hel → Hél in Héllo', () => {
    const text = 'Héllo';
    const [t] = tok(text);
    expect(t.norm).toBe('hello');
    expect(t.charMap).toEqual([0, 1, 2, 3, 4, 5]);
    expect(prefixOriginal(text, t, 3)).toBe('Hél');
  });

  it('skips removed combining marks only after the prefix: hel → He\u0301l in a decomposed Héllo', () => {
    const text = 'He\u0301llo';
    const [t] = tok(text);
    expect(t.charMap).toEqual([0, 1, 2, 4, 5, 6]);
    expect(prefixOriginal(text, t, 2)).toBe('He');
    expect(prefixOriginal(text, t, 3)).toBe('He\u0301l');
  });

  it('covers a whole ligature as soon as part of its expansion is in the prefix', () => {
    const text = 'Œuvre';
    const [t] = tok(text);
    expect(t.norm).toBe('oeuvre');
    expect(prefixOriginal(text, t, 1)).toBe('Œ');
    expect(prefixOriginal(text, t, 3)).toBe('Œu');
  });

  it('maps compatibility expansions back to one character: fi → ﬁ', () => {
    const text = 'ﬁne';
    const [t] = tok(text);
    expect(t.norm).toBe('fine');
    expect(prefixOriginal(text, t, 2)).toBe('ﬁ');
    expect(prefixOriginal(text, t, 3)).toBe('ﬁn');
  });

  it('has norm.length + 1 entries ending at the original length', () => {
    for (const text of ['Straße', 'Ǆemal', 'ΟΔΟΣ', 'tōkyō', 'ｶﾀｶﾅ']) {
      const [t] = tok(text);
      expect(t.charMap, text).toBeDefined();
      expect(t.charMap?.length).toBe(t.norm.length + 1);
      expect(t.charMap?.[t.norm.length]).toBe(t.end - t.start);
    }
  });
});
