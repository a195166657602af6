/**
 * Query tokenization languages (spec §1.3 `locales`, §4): the query is tokenized with the `locales` parameter,
 * else with the locales of the `localizedAttributes` rules of the searched fields. Cases from Meilisearch's HTTP
 * tests (`meilisearch/tests/search/locales.rs`, `mod.rs`); segmentation itself is the analyzer's.
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const DOCS = [
  { id: 852, name_en: 'Attack on Titan', description_en: 'Attack on Titan is a Japanese manga series written and illustrated by Hajime Isayama', author_en: 'Hajime Isayama', name_ja: '進撃の巨人', description_ja: '進撃の巨人は、日本の漫画シリーズであり、諫山 創によって作画されている。', author_ja: '諫山 創' },
  { id: 853, name_zh: '进击的巨人', description_zh: '进击的巨人是日本的漫画系列，由諫山 創作画。', author_zh: '諫山創' },
  { id: 654, name_en: 'One Piece', description_en: 'One Piece is a Japanese manga series written and illustrated by Eiichiro Oda', author_en: 'Eiichiro Oda', name_ja: 'ワンピース', description_ja: 'ワンピースは、日本の漫画シリーズであり、尾田 栄一郎によって作画されている。', author_ja: '尾田 栄一郎' },
  { id: 655, name_zh: 'ONE PIECE', description_zh: '海贼王》是尾田荣一郎创作的日本漫画系列。', author_zh: '尾田 栄一郎' },
];
const SEARCHABLE = ['name_en', 'name_ja', 'name_zh', 'author_en', 'author_ja', 'author_zh', 'description_en', 'description_ja', 'description_zh'];

describe('query languages', () => {
  it('finds CJK words', async () => {
    const t = await indexWith([
      { id: 0, title: "The quick (\"brown\") fox can't jump 32.3 feet, right? Brr, it's 29.3°F!" },
      { id: 1, title: '東京のお寿司。' },
      { id: 2, title: 'הַשּׁוּעָל הַמָּהִיר (״הַחוּם״) לֹא יָכוֹל לִקְפֹּץ 9.94 מֶטְרִים, נָכוֹן? ברר, 1.5°C- בַּחוּץ!' },
    ]);
    expect(await t.ids('東京')).toEqual([1]);
  });

  it('forces the query language with `locales`, or with the rules of the searched fields', async () => {
    const forced = await indexWith(DOCS, { searchableAttributes: SEARCHABLE, localizedAttributes: [{ attributePatterns: ['name_ja', 'name_zh', 'author_ja', 'author_zh', 'description_ja', 'description_zh'], locales: ['jpn'] }] });
    expect(await forced.ids('"进击的巨人"')).toEqual([853]);
    expect(await forced.ids('"进击的巨人"', { locales: ['jpn'] })).toEqual([853]);
    const inferred = await indexWith(DOCS, {
      searchableAttributes: SEARCHABLE,
      localizedAttributes: [
        { attributePatterns: ['*_zh'], locales: ['jpn'] },
        { attributePatterns: ['*_ja'], locales: ['cmn'] },
        { attributePatterns: ['*_en'], locales: [] },
      ],
    });
    expect(await inferred.ids('"进击的巨人"', { attributesToSearchOn: ['name_zh', 'description_zh'] })).toEqual([853]);
  });
});
