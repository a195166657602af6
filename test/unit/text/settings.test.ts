import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/engine/text/analyzer.ts';
import { indexed, view, wordNorms } from './helpers.ts';

describe('stop words', () => {
  const config = { stopWords: ['the', 'of'] };

  it('classifies stop words and gives them positions', () => {
    expect(view(createAnalyzer(config).tokenize('the end of it'))).toEqual([
      '(the)@0', '[ ]', 'end@1', '[ ]', '(of)@2', '[ ]', 'it@3',
    ]);
  });

  it('does not index stop words, but they still consume positions', () => {
    expect(indexed('the end of it', config)).toEqual(['end@1', 'it@3']);
  });

  it('matches stop words before lowercasing: "The" is not the stop word "the"', () => {
    expect(indexed('The end', config)).toEqual(['the@0', 'end@1']);
    expect(indexed('The end', { stopWords: ['The'] })).toEqual(['end@1']);
  });

  it('matches stop words on the decomposed form, whatever the composition of either side', () => {
    const a = { stopWords: ['café'] }; // precomposed é
    expect(indexed('café cafe\u0301 cafe', a)).toEqual(['cafe@2']);
  });

  it('matches stop words with å ä ö only under the Swedish locale (they are stored recomposed)', () => {
    const config = { stopWords: ['på'] };
    expect(indexed('på väg', config)).toEqual(['pa@0', 'vag@1']);
    expect(indexed('på väg', config, 0, ['swe'])).toEqual(['väg@1']);
  });

  it('lets a separator be a stop word (the classifier checks stop words first)', () => {
    expect(indexed('a-b', { stopWords: ['-'] })).toEqual(['a@0', 'b@2']);
    expect(indexed('a-b é', { stopWords: ['-'] })).toEqual(['a@0', 'b@2', 'e@3']);
  });

  it('reports the last stop word as the last position seen by indexWords, not by indexValue', () => {
    const a = createAnalyzer(config);
    expect(a.indexWords('end of', () => {}, 0)).toBe(1);
    expect(a.indexValue?.('end of', () => {}, 0)).toBe(0);
    expect(a.indexValue?.('of the', () => {}, 16)).toBe(16);
  });
});

describe('dictionary', () => {
  it('keeps dictionary entries as single tokens, separators inside included', () => {
    expect(indexed('J. R. R. Tolkien', { dictionary: ['J. R. R.'] })).toEqual(['j. r. r.@0', 'tolkien@1']);
  });

  it('prefers the longest entry at the leftmost position', () => {
    const config = { dictionary: ['New York', 'New York City'] };
    expect(wordNorms('New York City hall', config)).toEqual(['new york city', 'hall']);
  });

  it('matches entries anywhere, even inside longer words (charabia runs Aho-Corasick over the text)', () => {
    expect(indexed('party', { dictionary: ['art'] })).toEqual(['p@0', 'art@1', 'y@2']);
  });

  it('matches entries case-sensitively, on the original text', () => {
    expect(wordNorms('c++ C++', { dictionary: ['C++'] })).toEqual(['c', 'c++']);
  });
});

describe('separatorTokens and nonSeparatorTokens', () => {
  it('adds separators, single- or multi-character, as soft separators', () => {
    expect(indexed('a|b<br>c', { separatorTokens: ['|', '<br>'] })).toEqual(['a@0', 'b@1', 'c@2']);
  });

  it('classifies an added separator after NFKD: ´ decomposes to space + accent, so it ends up a blank word', () => {
    // charabia's hard list has ´, but the classifier sees " \u0301": not a separator, a word trimmed away.
    expect(indexed('a´b', { separatorTokens: ['´'] })).toEqual(['a@0', 'b@2']);
    expect(wordNorms('a´b', { separatorTokens: ['´'] })).toEqual(['a', ' ', 'b']);
  });

  it('removes separators so words keep them', () => {
    expect(wordNorms('C# kebab-case', { nonSeparatorTokens: ['#', '-'] })).toEqual(['c#', 'kebab-case']);
  });

  it('lets removal win over addition', () => {
    expect(wordNorms('a|b', { separatorTokens: ['|'], nonSeparatorTokens: ['|'] })).toEqual(['a|b']);
  });

  it('keeps ". " hard when only "." is removed', () => {
    expect(indexed('v1.2. Next', { nonSeparatorTokens: ['.'] })).toEqual(['v1.2@0', 'next@8']);
  });

  it('treats empty lists like absent ones', () => {
    const config = { stopWords: [], separatorTokens: [], nonSeparatorTokens: [], dictionary: [] };
    expect(indexed("it's 3.5, ok", config)).toEqual(indexed("it's 3.5, ok"));
  });
});
