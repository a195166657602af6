import { describe, expect, it } from 'vitest';
import { normalizeFacetValue } from '../../../src/engine/text/analyzer.ts';

const utf8 = (s: string): number => new TextEncoder().encode(s).length;

describe('normalizeFacetValue', () => {
  it('trims and lowercases', () => {
    expect(normalizeFacetValue('  Science Fiction \n')).toBe('science fiction');
  });

  it('keeps accents, as combining marks after NFKD', () => {
    expect(normalizeFacetValue('Café')).toBe('cafe\u0301');
    expect(normalizeFacetValue('Café')).not.toBe(normalizeFacetValue('Cafe'));
    expect(normalizeFacetValue('CAFE\u0301')).toBe(normalizeFacetValue('café'));
  });

  it('decomposes compatibility characters and trims Unicode spaces', () => {
    expect(normalizeFacetValue('\u00a0ﬁ²\u3000')).toBe('fi2');
  });

  it('lowercases the whole string (final sigma included), unlike word normalization', () => {
    expect(normalizeFacetValue('ΟΔΟΣ')).toBe('οδος');
  });

  it('truncates to 468 UTF-8 bytes', () => {
    expect(normalizeFacetValue('a'.repeat(500))).toBe('a'.repeat(468));
  });

  it('never splits a character when truncating', () => {
    const euros = normalizeFacetValue('a' + '€'.repeat(200)); // 1 + 3k bytes
    expect(euros).toBe('a' + '€'.repeat(155));
    expect(utf8(euros)).toBe(466);
    const emoji = normalizeFacetValue('😀'.repeat(120));
    expect(emoji).toBe('😀'.repeat(117));
    expect(utf8(emoji)).toBe(468);
  });
});
