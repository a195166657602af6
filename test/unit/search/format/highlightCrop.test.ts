/**
 * Highlighting and cropping of one value (spec §7), checked against Meilisearch's matcher tests
 * (`search/new/matches/mod_test.rs`), with the matching words built by hand.
 */
import { describe, expect, test } from 'vitest';
import { createAnalyzer } from '../../../../src/engine/text/analyzer.ts';
import { QueryMatcher } from '../../../../src/engine/search/format/matcher.ts';
import { formatMatched, matchPositions, numberText, type FormatOptions } from '../../../../src/engine/search/format/formatValue.ts';
import type { MatchingTerm } from '../../../../src/engine/search/pipeline.ts';

const analyzer = createAnalyzer({});
const word = (pos: number, w: string): MatchingTerm => ({ queryPositions: [pos, pos], words: [w], prefixes: [], phrases: [] });
const prefix = (pos: number, w: string): MatchingTerm => ({ queryPositions: [pos, pos], words: [w], prefixes: [w], phrases: [] });
const phrase = (from: number, words: string[]): MatchingTerm => ({ queryPositions: [from, from + words.length - 1], words: [], prefixes: [], phrases: [words] });

/** "split the world" as Meilisearch parses it: the last word is a prefix. */
const SPLIT_THE_WORLD = [word(0, 'split'), word(1, 'the'), prefix(2, 'world')];

function format(terms: MatchingTerm[], text: string, options: FormatOptions, pre = '<em>', post = '</em>'): string {
  const matched = new QueryMatcher({ terms }).match(analyzer, text);
  return formatMatched(matched, options, { preTag: pre, postTag: post, cropMarker: '…' });
}

const HIGHLIGHT: FormatOptions = { highlight: true, crop: null };
const crop = (n: number, highlight = false): FormatOptions => ({ highlight, crop: n });

describe('highlight', () => {
  test('no options returns the text unchanged', () => {
    expect(format(SPLIT_THE_WORLD, 'A quick brown fox', { highlight: false, crop: null })).toBe('A quick brown fox');
  });

  test('empty text and separators only', () => {
    expect(format(SPLIT_THE_WORLD, '', HIGHLIGHT)).toBe('');
    expect(format(SPLIT_THE_WORLD, ':-)', HIGHLIGHT)).toBe(':-)');
  });

  test('every matching token is wrapped, case and all', () => {
    expect(format(SPLIT_THE_WORLD, 'Natalie risk her future to build a world with the boy she loves. Emily Henry: The Love That Split The World.', HIGHLIGHT)).toBe(
      'Natalie risk her future to build a <em>world</em> with <em>the</em> boy she loves. Emily Henry: <em>The</em> Love That <em>Split</em> <em>The</em> <em>World</em>.',
    );
  });

  test('a prefix match highlights only the matched part, mapped back through accents', () => {
    expect(format([prefix(0, 'world')], 'Ŵôřlḑôle', HIGHLIGHT)).toBe('<em>Ŵôřlḑ</em>ôle');
    expect(format([prefix(0, 'world')], 'Ŵôřlḑ', HIGHLIGHT)).toBe('<em>Ŵôřlḑ</em>');
    expect(format([prefix(0, 'westfali')], 'Westfália', HIGHLIGHT)).toBe('<em>Westfáli</em>a');
  });

  test('phrases are one span; words of a phrase alone do not match', () => {
    const terms = [word(0, 'the'), phrase(1, ['t', 'he']), prefix(3, 'door'), phrase(4, ['do', 'or'])];
    expect(format(terms, "the do or die can't be he do and or isn't he", HIGHLIGHT, '_', '_')).toBe("_the_ _do or_ die can't be he do and or isn'_t he_");
  });

  test('custom tags', () => {
    expect(format([word(0, 'fox')], 'A fox', HIGHLIGHT, '__ais-highlight__', '__/ais-highlight__')).toBe('A __ais-highlight__fox__/ais-highlight__');
  });
});

describe('crop', () => {
  test('no match: the first N words and a marker', () => {
    expect(format(SPLIT_THE_WORLD, 'A quick brown fox can not jump 32 feet, right? Brr, it is cold!', crop(10))).toBe('A quick brown fox can not jump 32 feet, right…');
    expect(format(SPLIT_THE_WORLD, '(A quick brown fox can not jump 32 feet, right? Brr, it is cold!)', crop(10))).toBe('(A quick brown fox can not jump 32 feet, right…');
  });

  test('the window grows around the matches, markers on cut sides', () => {
    expect(format(SPLIT_THE_WORLD, 'Natalie risk her future. Split The World is a book written by Emily Henry. I never read it.', crop(10))).toBe(
      '…Split The World is a book written by Emily Henry…',
    );
    expect(format(SPLIT_THE_WORLD, 'Natalie risk her future to build a world with the boy she loves.', crop(10))).toBe('…future to build a world with the boy she loves…');
  });

  test('the best interval: most distinct terms, then closeness, then order', () => {
    expect(format(SPLIT_THE_WORLD, 'Natalie risk her future to build a world with the boy she loves. Emily Henry: The Love That Split The World.', crop(10))).toBe(
      '…she loves. Emily Henry: The Love That Split The World.',
    );
    expect(format(SPLIT_THE_WORLD, 'The world split void void void void void void void void void split the world void void', crop(10))).toBe(
      '…void void void void void split the world void void',
    );
    expect(format(SPLIT_THE_WORLD, 'split void the void void world void void void void void void void void void void split the world void void', crop(10))).toBe(
      '…void void void void void split the world void void',
    );
    expect(format(SPLIT_THE_WORLD, 'split split split split split split void void void void void void void void void void split the world void void', crop(10))).toBe(
      '…void void void void void split the world void void',
    );
  });

  test('crop and highlight together', () => {
    expect(format(SPLIT_THE_WORLD, 'Natalie risk her future to build a world with the boy she loves.', crop(10, true))).toBe(
      '…future to build a <em>world</em> with <em>the</em> boy she loves…',
    );
    expect(format(SPLIT_THE_WORLD, 'The world split void void void void void void void void void split the world void void', crop(10, true))).toBe(
      '…void void void void void <em>split</em> <em>the</em> <em>world</em> void void',
    );
  });

  test('a crop smaller than the matches cuts them; 0 means no crop', () => {
    const text = 'void void split the world void void.';
    expect(format(SPLIT_THE_WORLD, text, crop(2))).toBe('…split the…');
    expect(format(SPLIT_THE_WORLD, text, crop(1))).toBe('…split…');
    expect(format(SPLIT_THE_WORLD, text, crop(0))).toBe(text);
  });

  test('phrases are kept whole in the window when they fit', () => {
    const text =
      'The groundbreaking invention had the power to split the world between those who embraced progress and those who resisted change!';
    expect(format([phrase(0, ['the', 'world'])], text, crop(10, true))).toBe('…the power to split <em>the world</em> between those who embraced…');
    expect(format([word(0, 'those'), phrase(1, ['and', 'those'])], text, crop(10, true))).toBe(
      '…world between <em>those</em> who embraced progress <em>and those</em> who resisted…',
    );
    const long = 'the groundbreaking invention had the power to split the world'.split(' ');
    expect(format([phrase(0, long)], text, crop(10, true))).toBe('<em>The groundbreaking invention had the power to split the world</em>…');
    expect(format([phrase(0, ['groundbreaking', 'invention']), phrase(2, ['split', 'the', 'world', 'between'])], text, crop(10, true))).toBe(
      '…<em>groundbreaking invention</em> had the power to <em>split the world between</em>…',
    );
  });

  test('an empty crop marker adds nothing', () => {
    const matched = new QueryMatcher({ terms: SPLIT_THE_WORLD }).match(analyzer, 'void void split the world void void.');
    expect(formatMatched(matched, crop(1), { preTag: '<em>', postTag: '</em>', cropMarker: '' })).toBe('split');
  });
});

describe('match positions', () => {
  test('UTF-8 byte offsets and lengths; prefix matches count only the matched part', () => {
    const m = new QueryMatcher({ terms: [prefix(0, 'pesti'), word(1, 'cafe')] }).match(analyzer, 'Café pésti pestilence');
    expect(matchPositions(m, [])).toEqual([
      { start: 0, length: 5 },
      { start: 6, length: 6 },
      { start: 13, length: 5 },
    ]);
  });

  test('array indices are reported', () => {
    const m = new QueryMatcher({ terms: [word(0, 'bobby')] }).match(analyzer, 'bobby');
    expect(matchPositions(m, [0, 2])).toEqual([{ start: 0, length: 5, indices: [0, 2] }]);
  });

  test('numbers are formatted as JSON writes them', () => {
    expect(numberText(852)).toBe('852');
    expect(numberText(1.5)).toBe('1.5');
    expect(numberText(1e21)).toBe('1e21');
  });
});
