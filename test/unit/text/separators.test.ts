import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/engine/text/analyzer.ts';
import { indexed, norms, view, wordNorms } from './helpers.ts';

const tokens = (text: string) => view(createAnalyzer({}).tokenize(text));

describe('separators and word positions', () => {
  it('splits on spaces and counts +1 per soft separator run', () => {
    expect(tokens('quick brown  fox')).toEqual(['quick@0', '[ ]', 'brown@1', '[ ]', '[ ]', 'fox@2']);
  });

  it('puts a hard separator 8 positions apart', () => {
    expect(indexed('stop! go')).toEqual(['stop@0', 'go@8']);
    expect(indexed('one; two')).toEqual(['one@0', 'two@8']);
  });

  it('treats ". " and ", " as one hard separator, but a lone "." or "," as soft', () => {
    expect(tokens('end. Next')).toEqual(['end@0', '[[. ]]', 'next@8']);
    expect(tokens('a, b')).toEqual(['a@0', '[[, ]]', 'b@8']);
    expect(indexed('a.b,c')).toEqual(['a@0', 'b@1', 'c@2']);
  });

  it('counts one gap per separator run: soft after hard keeps 8, hard after soft gives 8', () => {
    expect(indexed('a. (b')).toEqual(['a@0', 'b@8']);
    expect(indexed('a (. b')).toEqual(['a@0', 'b@8']);
    expect(indexed('a!!! ??? b')).toEqual(['a@0', 'b@8']);
  });

  it('ignores separators before the first word', () => {
    expect(indexed('... !hello')).toEqual(['hello@0']);
  });

  it('marks separators with position -1 and their kind', () => {
    const [, sep] = createAnalyzer({}).tokenize('a? b');
    expect(sep).toMatchObject({ kind: 'separator', separatorKind: 'hard', norm: '?', position: -1 });
  });

  it('splits on apostrophes, straight or curly', () => {
    expect(wordNorms("can't")).toEqual(['can', 't']);
    expect(norms('it’s')).toEqual(['it', "'", 's']);
  });

  it('splits decimal numbers on the dot: 32.3 → 32, 3', () => {
    expect(wordNorms('32.3 feet')).toEqual(['32', '3', 'feet']);
  });

  it('splits snake_case and kebab-case but not camelCase', () => {
    expect(wordNorms('snake_case kebab-case camelCase')).toEqual(['snake', 'case', 'kebab', 'case', 'camelcase']);
  });

  it('keeps characters outside charabia\'s separator list inside words (< = > | ~ $ ° NBSP)', () => {
    expect(wordNorms('a=b x<y 5$ 29.3°F')).toEqual(['a=b', 'x<y', '5$', '29', '3°f']);
    expect(wordNorms('a\u00a0b')).toEqual(['a b']);
  });

  it('splits on the full Unicode punctuation set, e.g. « » ¿ ¡ — and full-width punctuation', () => {
    expect(wordNorms('«hola» ¿qué? ¡sí! a—b 東京！大阪')).toEqual(['hola', 'que', 'si', 'a', 'b', '東京', '大阪']);
  });

  it('classifies a separator after NFKD: the ellipsis … becomes the word "..." (charabia quirk)', () => {
    expect(tokens('wait…what')).toEqual(['wait@0', '...@1', 'what@2']);
  });

  it('classifies full-width punctuation by its decomposed form: ！ is hard, ， is soft', () => {
    expect(indexed('甲！乙')).toEqual(['甲@0', '乙@8']);
    expect(indexed('甲，乙')).toEqual(['甲@0', '乙@1']);
  });

  it('drops NUL and other control characters: a NUL separator separates nothing', () => {
    expect(indexed('a\u0000b')).toEqual(['a@0', 'b@1']);
    expect(wordNorms('he\u0001llo')).toEqual(['hello']);
  });

  it('reports control-only tokens as empty soft separators', () => {
    expect(tokens('a\u0000b')).toEqual(['a@0', '[]', 'b@1']);
  });

  it('stops skipping leading separators at a control-only token, as milli does', () => {
    expect(indexed(' hello')).toEqual(['hello@0']);
    expect(indexed('\u0001 hello')).toEqual(['hello@1']);
    expect(indexed('\u0001. hello')).toEqual(['hello@8']);
    expect(indexed('\u0001 héllo')).toEqual(['hello@1']);
  });

  it('reports the last position seen, or start - 1 when there is no word', () => {
    const a = createAnalyzer({});
    expect(a.indexWords('one two', () => {})).toBe(1);
    expect(a.indexWords('  ...  ', () => {}, 10)).toBe(9);
    expect(a.indexWords('x. y', () => {}, 16)).toBe(24);
  });
});
