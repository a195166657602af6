/**
 * Hit shaping (spec §1.3, §7): attributesToRetrieve ∩ displayedAttributes, `_formatted` (union of the
 * formatted and retrieved attributes, numbers as strings), `_matchesPosition`, key order — checked against
 * Meilisearch's `tests/search/formatted.rs`.
 */
import { describe, expect, test } from 'vitest';
import type { Engine } from '../../../../src/engine/engine.ts';
import type { SettingsUpdate } from '../../../../src/engine/types/settings.ts';
import { engineWith, readerOf } from '../filters/engineHelpers.ts';
import { formatHits } from '../../../../src/engine/search/format/formatHits.ts';
import { parseSearchParams } from '../../../../src/engine/search/searchParams.ts';
import { readDocuments } from '../../../../src/engine/search/documentShape.ts';
import type { MatchingTerm } from '../../../../src/engine/search/pipeline.ts';
import type { SearchParams } from '../../../../src/engine/types/search.ts';

const NESTED_DOCUMENTS = [
  { id: 852, father: 'jean', mother: 'michelle', doggos: [{ name: 'bobby', age: 2 }, { name: 'buddy', age: 4 }], cattos: 'pésti' },
  { id: 654, father: 'pierre', mother: 'sabine', doggos: [{ name: 'gros bill', age: 8 }], cattos: ['simba', 'pestiféré'] },
];

const word = (w: string): MatchingTerm => ({ queryPositions: [0, 0], words: [w], prefixes: [w], phrases: [] });

async function hit(engine: Engine, params: SearchParams, terms: MatchingTerm[], docIndex = 0, uid = 'test') {
  const { state } = await readerOf(engine, uid);
  const docid = state.liveDocs()[docIndex];
  const docs = await readDocuments(engine.ctx, state, [docid]);
  return formatHits(state, docs, [{ docid, score: 0.5 }], parseSearchParams(params), { terms })[0];
}

const nested = (settings: SettingsUpdate = {}) => engineWith(NESTED_DOCUMENTS, settings);

describe('retrieved attributes', () => {
  test('attributesToRetrieve is intersected with displayedAttributes', async () => {
    const e = await nested({ displayedAttributes: ['id'] });
    expect(await hit(e, { attributesToRetrieve: ['father', 'id'] }, [])).toEqual({ id: 852 });
    expect(await hit(e, { attributesToRetrieve: ['cattos'] }, [])).toEqual({});
  });

  test('dotted names select nested values', async () => {
    const e = await nested();
    expect(await hit(e, { attributesToRetrieve: ['doggos.name'] }, [])).toEqual({ doggos: [{ name: 'bobby' }, { name: 'buddy' }] });
  });

  test('scores only when asked, after the other keys', async () => {
    const e = await nested();
    const h = await hit(e, { attributesToRetrieve: ['id'], showRankingScore: true, attributesToHighlight: ['id'] }, []);
    expect(Object.keys(h)).toEqual(['id', '_formatted', '_rankingScore']);
  });
});

describe('_formatted', () => {
  test('highlight * covers every displayed attribute even when none is retrieved', async () => {
    const e = await nested({ displayedAttributes: ['id', 'cattos'] });
    const h = await hit(e, { attributesToRetrieve: ['father', 'mother'], attributesToHighlight: ['father', 'mother', '*'], attributesToCrop: ['doggos'], showMatchesPosition: true }, [
      word('pesti'),
    ]);
    expect(h).toEqual({ _formatted: { id: '852', cattos: '<em>pésti</em>' }, _matchesPosition: { cattos: [{ start: 0, length: 6 }] } });
  });

  test('holds the retrieved attributes too, numbers as strings', async () => {
    const e = await nested();
    const h = await hit(e, { attributesToRetrieve: ['doggos.name'], attributesToHighlight: ['doggos.age'] }, [word('pesti')]);
    expect(h).toEqual({
      doggos: [{ name: 'bobby' }, { name: 'buddy' }],
      _formatted: { doggos: [{ name: 'bobby', age: '2' }, { name: 'buddy', age: '4' }] },
    });
  });

  test('crop on a nested field, highlight on another', async () => {
    const e = await nested();
    const h = await hit(e, { attributesToRetrieve: [], attributesToHighlight: ['doggos.age'], attributesToCrop: ['doggos.name'] }, [word('pesti')]);
    expect(h).toEqual({ _formatted: { doggos: [{ name: 'bobby', age: '2' }, { name: 'buddy', age: '4' }] } });
  });

  test('absent when the highlighted attribute is not displayed', async () => {
    const e = await nested({ displayedAttributes: ['id'] });
    expect(await hit(e, { attributesToHighlight: ['cattos'] }, [])).toEqual({ id: 852 });
    expect(await hit(e, { attributesToRetrieve: ['cattos'], attributesToCrop: ['id'] }, [])).toEqual({ _formatted: { id: '852' } });
  });

  test('attr:N crops that attribute to N words, others to cropLength', async () => {
    const e = await engineWith([{ id: 1, a: 'one two three four five six', b: 'one two three four five six' }]);
    const h = await hit(e, { attributesToCrop: ['a:2', 'b'], cropLength: 3, attributesToRetrieve: ['id'] }, []);
    expect(h._formatted).toEqual({ id: '1', a: 'one two…', b: 'one two three…' });
  });

  test('a prefix match highlights only the matched part', async () => {
    const e = await engineWith([{ id: 1, title: 'Hello world' }]);
    const h = await hit(e, { attributesToHighlight: ['title'] }, [{ queryPositions: [0, 0], words: [], prefixes: ['hel'], phrases: [] }]);
    expect(h._formatted).toEqual({ id: '1', title: '<em>Hel</em>lo world' });
  });
});

describe('_matchesPosition', () => {
  test('over every displayed attribute, with array indices, keys in name order', async () => {
    const e = await nested();
    const h = await hit(e, { attributesToRetrieve: ['doggos.name'], showMatchesPosition: true }, [word('bobby')]);
    expect(h).toEqual({
      doggos: [{ name: 'bobby' }, { name: 'buddy' }],
      _matchesPosition: { 'doggos.name': [{ start: 0, length: 5, indices: [0] }] },
    });
  });

  test('in an array, the last element with matches wins (as in Meilisearch)', async () => {
    const e = await engineWith([{ id: 1, tags: ['red car', 'blue', 'red bus'] }]);
    const h = await hit(e, { showMatchesPosition: true, attributesToRetrieve: ['id'] }, [word('red')]);
    expect(h._matchesPosition).toEqual({ tags: [{ start: 0, length: 3, indices: [2] }] });
  });

  test('numbers are matched on their text', async () => {
    const e = await nested();
    const h = await hit(e, { showMatchesPosition: true, attributesToRetrieve: ['id'] }, [{ queryPositions: [0, 0], words: ['852'], prefixes: [], phrases: [] }]);
    expect(h._matchesPosition).toEqual({ id: [{ start: 0, length: 3 }] });
  });

  test('empty object when nothing matches', async () => {
    const e = await nested();
    const h = await hit(e, { showMatchesPosition: true, attributesToRetrieve: ['id'] }, []);
    expect(h).toEqual({ id: 852, _matchesPosition: {} });
  });
});

describe('_geoDistance', () => {
  test('after the document fields, when sorting by _geoPoint and _geo is retrieved', async () => {
    const e = await engineWith([{ id: 1, _geo: { lat: '45.4777599', lng: '9.1967508' } }], { sortableAttributes: ['_geo'] });
    const h = await hit(e, { sort: ['_geoPoint(45.4777599, 9.1967508):asc'], showRankingScore: true }, []);
    expect(Object.keys(h)).toEqual(['id', '_geo', '_geoDistance', '_rankingScore']);
    expect(h._geoDistance).toBe(0);
    const hidden = await hit(e, { sort: ['_geoPoint(0, 0):asc'], attributesToRetrieve: ['id'] }, []);
    expect(hidden).toEqual({ id: 1 });
  });
});
