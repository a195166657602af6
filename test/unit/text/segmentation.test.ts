import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/engine/text/analyzer.ts';
import { katakanaToHiragana } from '../../../src/engine/text/kana.ts';
import { indexed, norms, wordNorms } from './helpers.ts';

describe('segmentation of scripts written without spaces', () => {
  it('segments Chinese into words', () => {
    expect(wordNorms('我爱北京天安门')).toEqual(['我', '爱', '北京', '天安门']);
  });

  it('gives consecutive CJK words consecutive positions', () => {
    expect(indexed('我爱北京')).toEqual(['我@0', '爱@1', '北京@2']);
  });

  it('segments Japanese and turns katakana into hiragana', () => {
    expect(wordNorms('東京タワーに行きました')).toEqual(['東京たわあ', 'に', '行き', 'ま', 'した']);
  });

  it('lengthens the vowel of ー after a kana, keeps it after a voiced (decomposed) kana', () => {
    expect(katakanaToHiragana('スーパー')).toBe('すうぱあ');
    // In a token, NFKD runs first: パ becomes ハ + U+309A, and the mark breaks the long-vowel context.
    expect(wordNorms('スーパー', {}, ['jpn'])).toEqual(['すうは\u309aー']);
  });

  it('drops ー after ん/っ and leaves a leading ー alone', () => {
    expect(katakanaToHiragana('ンーッー')).toBe('んっ');
    expect(katakanaToHiragana('ーカ')).toBe('ーか');
  });

  it('treats Han-only text as Chinese (no kana conversion) unless the locale says Japanese', () => {
    const mixed = 'カタカナ';
    expect(wordNorms(mixed)).toEqual(['かたかな']);
    // A Chinese locale keeps katakana as is (only the Japanese normalizer converts it).
    expect(wordNorms(mixed, {}, ['zho'])).toEqual(['カタカナ']);
    expect(wordNorms(mixed, {}, ['cmn'])).toEqual(['カタカナ']);
  });

  it('does not segment Han text when a non-CJK language is forced (charabia falls back to no segmenter)', () => {
    expect(wordNorms('我爱北京', {}, ['eng'])).toEqual(['我爱北京']);
  });

  it('takes the locale from the analyzer config when the call gives none', () => {
    expect(createAnalyzer({ locales: ['zho'] }).tokenize('カナ').map((t) => t.norm)).toEqual(['カナ']);
  });

  it('segments Thai', () => {
    expect(wordNorms('ภาษาไทย')).toEqual(['ภาษา', 'ไทย']);
  });

  it('segments Khmer', () => {
    expect(wordNorms('សួស្តីពិភពលោក')).toEqual(['សួស្តី', 'ពិភពលោក']);
  });

  it('keeps Korean words whole (no morpheme split without a Korean dictionary), decomposed into jamo by NFKD', () => {
    expect(wordNorms('한국어를 배웁니다')).toEqual(['한국어를'.normalize('NFKD'), '배웁니다'.normalize('NFKD')]);
    expect(wordNorms('한국어를')[0]).toHaveLength(11); // 4 syllables → 11 jamo
  });

  it('cuts the Arabic article ال off words longer than two letters', () => {
    expect(wordNorms('السلام ٱلأحوال ال')).toEqual(['ال', 'سلام', 'ال', 'احوال', 'ال']);
  });

  it('keeps numbers whole inside CJK text', () => {
    expect(norms('2024年')).toEqual(['2024', '年']);
    expect(norms('第12.5回')).toEqual(['第', '12', '.', '5', '回']);
  });

  it('starts a new script run when the script changes, so words never straddle scripts', () => {
    expect(wordNorms('iPhone手机Привет')).toEqual(['iphone', '手机', 'привет']);
  });

  it('lets digits and punctuation join the surrounding run', () => {
    expect(norms('東京 2020')).toEqual(['東京', ' ', '2020']);
  });
});
