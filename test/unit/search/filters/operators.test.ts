/**
 * Every filter operator, evaluated on the stored facet values (no ranking involved), with Meilisearch's
 * semantics: normalized strings (case-insensitive, accent-sensitive), numeric-or-lexicographic
 * comparisons, complements for `!=` and `NOT`, nested attributes.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../../../src/engine/engine.ts';
import { engineWith, filterIds, rejection } from './engineHelpers.ts';

const DOCS = [
  { id: 1, genre: 'Horror', year: 2001, tags: ['a', 'b'], title: 'Café', price: 10.5, nested: { age: 3 }, flag: true },
  { id: 2, genre: ' horror ', year: 1999, tags: [], title: 'cafe', price: '7', nested: { age: 5 }, flag: false },
  { id: 3, genre: 'Drama', year: '3', tags: ['b'], title: 'Science Fiction', price: null, nested: null },
  { id: 4, genre: ['Drama', 'Comedy'], year: 2010, tags: 'c', title: '', empty: {} },
  { id: 5, title: 'Zed', doggos: [{ name: 'bobby', age: 2 }, { name: 'buddy', age: 4 }] },
];
const FILTERABLE = ['genre', 'year', 'tags', 'title', 'price', 'nested', 'flag', 'empty', 'doggos', 'missing'];

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(DOCS, { filterableAttributes: FILTERABLE });
});

const ids = (filter: string | (string | string[])[]) => filterIds(engine, filter);

describe('equality', () => {
  test('= compares normalized strings: case-insensitive and trimmed', async () => {
    expect(await ids('genre = horror')).toEqual([1, 2]);
    expect(await ids('genre = "HORROR"')).toEqual([1, 2]);
  });

  test('= is accent-sensitive', async () => {
    expect(await ids('title = cafe')).toEqual([2]);
    expect(await ids('title = Café')).toEqual([1]);
  });

  test('= matches the string "7" when the operand is the number 7', async () => {
    expect(await ids('price = 7')).toEqual([2]);
    expect(await ids('year = 3')).toEqual([3]);
  });

  test('= on a multi-valued field matches any of its values', async () => {
    expect(await ids('genre = comedy')).toEqual([4]);
    expect(await ids('tags = b')).toEqual([1, 3]);
  });

  test('booleans are the strings "true" and "false"', async () => {
    expect(await ids('flag = true')).toEqual([1]);
    expect(await ids('flag = "FALSE"')).toEqual([2]);
  });

  test('!= is the complement of =, documents without the field included', async () => {
    expect(await ids('genre != horror')).toEqual([3, 4, 5]);
  });

  test('IN is an OR of =, NOT IN its complement', async () => {
    expect(await ids('tags IN [a, c]')).toEqual([1, 4]);
    expect(await ids('tags NOT IN [a, c]')).toEqual([2, 3, 5]);
    expect(await ids('tags IN []')).toEqual([]);
  });
});

describe('comparisons', () => {
  test('> is a numeric range UNION a lexicographic range over strings', async () => {
    // 2001 and 2010 numerically, and the string "3" because "3" > "2000".
    expect(await ids('year > 2000')).toEqual([1, 3, 4]);
  });

  test('>= and < mix numbers and strings the same way', async () => {
    expect(await ids('price >= 10')).toEqual([1, 2]);
    expect(await ids('price < 8')).toEqual([2]);
  });

  test('<= is inclusive', async () => {
    expect(await ids('year <= 1999')).toEqual([2]);
  });

  test('TO is inclusive on both ends', async () => {
    expect(await ids('year 1999 TO 2001')).toEqual([1, 2]);
  });

  test('an inverted TO range matches nothing', async () => {
    expect(await ids('year 2010 TO 2000')).toEqual([]);
  });

  test('a non-numeric operand compares strings only', async () => {
    expect(await ids('year > abc')).toEqual([]);
    expect(await ids('genre > d')).toEqual([1, 2, 3, 4]); // "drama" > "d"
    expect(await ids('genre > e')).toEqual([1, 2]);
  });
});

describe('presence', () => {
  test('EXISTS: the field is present, even empty or null', async () => {
    expect(await ids('tags EXISTS')).toEqual([1, 2, 3, 4]);
    expect(await ids('price EXISTS')).toEqual([1, 2, 3]);
  });

  test('NOT EXISTS', async () => {
    expect(await ids('tags NOT EXISTS')).toEqual([5]);
  });

  test('IS NULL / IS NOT NULL', async () => {
    expect(await ids('price IS NULL')).toEqual([3]);
    expect(await ids('price IS NOT NULL')).toEqual([1, 2, 4, 5]);
  });

  test('IS EMPTY: "", [] and {}', async () => {
    expect(await ids('tags IS EMPTY')).toEqual([2]);
    expect(await ids('title IS EMPTY')).toEqual([4]);
    expect(await ids('empty IS EMPTY')).toEqual([4]);
    expect(await ids('tags IS NOT EMPTY')).toEqual([1, 3, 4, 5]);
  });
});

describe('text operators', () => {
  test('STARTS WITH a normalized prefix', async () => {
    expect(await ids('title STARTS WITH SCI')).toEqual([3]);
    expect(await ids('title NOT STARTS WITH sci')).toEqual([1, 2, 4, 5]);
  });

  test('STARTS WITH an empty prefix matches every document with the field', async () => {
    expect(await ids('genre STARTS WITH ""')).toEqual([1, 2, 3, 4]);
  });

  test('CONTAINS is refused without the containsFilter feature', async () => {
    const e = await rejection(ids('title CONTAINS fict'));
    expect(e.code).toBe('feature_not_enabled');
  });

  test('CONTAINS matches substrings once enabled', async () => {
    expect(await filterIds(engine, 'title CONTAINS FICT', 'test', true)).toEqual([3]);
    expect(await filterIds(engine, 'title NOT CONTAINS fict', 'test', true)).toEqual([1, 2, 4, 5]);
  });
});

describe('nested attributes and absent fields', () => {
  test('a dotted attribute reaches nested objects', async () => {
    expect(await ids('nested.age > 4')).toEqual([2]);
  });

  test('objects inside arrays contribute each value', async () => {
    expect(await ids('doggos.name = buddy')).toEqual([5]);
    expect(await ids('doggos.age 3 TO 4')).toEqual([5]);
  });

  test('a filterable attribute no document has matches nothing, and != everything', async () => {
    expect(await ids('missing = x')).toEqual([]);
    expect(await ids('missing != x')).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('combinations', () => {
  test('NOT is the complement over every document', async () => {
    expect(await ids('NOT genre = horror')).toEqual([3, 4, 5]);
  });

  test('AND binds tighter than OR', async () => {
    expect(await ids('genre = horror AND year > 2000 OR title = zed')).toEqual([1, 5]);
    expect(await ids('genre = horror AND (year > 2000 OR title = cafe)')).toEqual([1, 2]);
  });

  test('the array form is an AND of ORs', async () => {
    expect(await ids([['genre = drama', 'genre = horror'], 'year > 2000'])).toEqual([1, 3, 4]);
  });

  test('NOT inside AND is relative to the remaining documents', async () => {
    expect(await ids('genre = drama AND NOT tags = c')).toEqual([3]);
  });
});

describe('null and empty values in nested fields', () => {
  test('inside nested objects they count; inside arrays they do not (as in Meilisearch)', async () => {
    const e = await engineWith(
      [
        { id: 1, meta: { note: null, tag: '' }, list: [{ x: '' }, { x: null }] },
        { id: 2, meta: { note: 'n', tag: 't' }, list: [] },
      ],
      { filterableAttributes: ['meta', 'list'] },
    );
    expect(await filterIds(e, 'meta.note IS NULL')).toEqual([1]);
    expect(await filterIds(e, 'meta.tag IS EMPTY')).toEqual([1]);
    expect(await filterIds(e, 'list.x IS EMPTY')).toEqual([]);
    expect(await filterIds(e, 'list.x IS NULL')).toEqual([]);
    expect(await filterIds(e, 'list.x EXISTS')).toEqual([1]);
    expect(await filterIds(e, 'list IS EMPTY')).toEqual([2]);
  });
});
