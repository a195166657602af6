import { describe, expect, it } from 'vitest';
import { escapeDebug, formatAsUsize, formatF64, parseFiniteF64, unescapeValue } from '../../../../src/engine/search/filter/rustCompat.ts';

describe('unescapeValue', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a\\nb\\tc\\rd', 'a\nb\tc\rd'],
    ['\\b\\f\\v\\/\\\\\\\'\\"', '\b\f\v/\\\'"'],
    ['\\u00e9\\u{1F600}\\u{41', 'é😀A'],
    ['\\x41\\x+f', 'A\u000f'],
    ['\\0\\101\\7\\477', '\0A\u0007\u00277'],
  ])('%s', (input, expected) => {
    expect(unescapeValue(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['a\\', 'incomplete'],
    ['\\u', 'incomplete'],
    ['\\u12', 'incomplete'],
    ['\\x4', 'incomplete'],
    ['\\u{zz}', 'number'],
    ['\\u{}', 'number'],
    ['\\xzz', 'number'],
    ['\\u{110000}', 'char'],
    ['\\ud800', 'char'],
    ['\\q', 'char'],
    ['\\8', 'char'],
  ])('%s → %s', (input, error) => {
    expect(unescapeValue(input)).toEqual({ ok: false, error });
  });
});

describe('Rust number behaviours', () => {
  it.each<[string, number | null]>([
    ['12', 12],
    ['-0.5', -0.5],
    ['+.5e1', 5],
    ['1.', 1],
    ['1e308', 1e308],
    ['1e309', null],
    ['inf', null],
    ['Infinity', null],
    ['0x1A', null],
    [' 1', null],
    ['', null],
    ['.', null],
    ['1e', null],
  ])('parseFiniteF64(%s) → %s', (input, expected) => {
    expect(parseFiniteF64(input)).toBe(expected);
  });

  it.each<[number, string]>([
    [100, '100'],
    [-90.0000001, '-90.0000001'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-1e-7, '-0.0000001'],
    [-0, '-0'],
    [123456789012345680000, '123456789012345680000'],
  ])('formatF64(%s) → %s', (input, expected) => {
    expect(formatF64(input)).toBe(expected);
  });

  it('casts like `as usize`', () => {
    expect(formatAsUsize(-3)).toBe('0');
    expect(formatAsUsize(2.9)).toBe('2');
    expect(formatAsUsize(2 ** 60)).toBe('1152921504606846976');
    expect(formatAsUsize(1e300)).toBe('18446744073709551615');
  });
});

describe('escapeDebug', () => {
  it('escapes quotes, backslashes, control and invisible characters', () => {
    expect(escapeDebug(`'a' "b" \\ \t\n\r\0`)).toBe(`\\'a\\' \\"b\\" \\\\ \\t\\n\\r\\0`);
    expect(escapeDebug('x\u00a0\u200by\u0001')).toBe('x\\u{a0}\\u{200b}y\\u{1}');
    expect(escapeDebug('🦀 é')).toBe('🦀 é');
    expect(escapeDebug('\u0301e\u0301')).toBe('\\u{301}e\u0301');
  });
});
