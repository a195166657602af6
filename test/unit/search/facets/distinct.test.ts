/**
 * The distinct attribute in effect and its values per document (spec §5.7).
 */
import { describe, expect, test } from 'vitest';
import { engineWith, readerOf } from '../filters/engineHelpers.ts';
import { createDistinctSource, resolveDistinct } from '../../../../src/engine/search/facets/distinct.ts';
import { EngineError } from '../../../../src/errors/engineError.ts';

const DOCS = [
  { id: 1, color: 'Red', sku: [1, 'A'] },
  { id: 2, color: 'red' },
  { id: 3 },
];

describe('distinct attribute', () => {
  test('the parameter overrides the setting; the setting needs no filterability', async () => {
    const engine = await engineWith(DOCS, { distinctAttribute: 'color', filterableAttributes: ['sku'] });
    const { state } = await readerOf(engine);
    expect(resolveDistinct(state, null)).toBe('color');
    expect(resolveDistinct(state, 'sku')).toBe('sku');
  });

  test('values per document: numbers and normalized strings; none without the field', async () => {
    const engine = await engineWith(DOCS, { filterableAttributes: ['color', 'sku'] });
    const { state, reader } = await readerOf(engine);
    const keys = await createDistinctSource(reader, state, 'sku').keys([...state.liveDocs()]);
    expect([...keys.values()]).toEqual([[1, 'a'], [], []]);
    const colors = await createDistinctSource(reader, state, 'color').keys([...state.liveDocs()]);
    expect([...colors.values()]).toEqual([['red'], ['red'], []]);
  });

  test('every document holding one of some keys (what distinct removes once a value is kept)', async () => {
    const engine = await engineWith(DOCS, { filterableAttributes: ['color', 'sku'] });
    const { state, reader } = await readerOf(engine);
    const source = createDistinctSource(reader, state, 'sku');
    expect(Array.from(await source.docsWithKeys!([1]))).toEqual([state.liveDocs()[0]]);
    expect(Array.from(await source.docsWithKeys!(['a', 'zzz', 7]))).toEqual([state.liveDocs()[0]]);
    const colors = createDistinctSource(reader, state, 'color');
    expect((await colors.docsWithKeys!(['red'])).length).toBe(2);
  });

  const message = async (settings: Parameters<typeof engineWith>[1], param: string) => {
    const engine = await engineWith([{ id: 1, color: 'Doggo', machin: 'Action' }], settings, 'dist');
    const { state } = await readerOf(engine, 'dist');
    try {
      resolveDistinct(state, param);
    } catch (e) {
      expect((e as EngineError).code).toBe('invalid_search_distinct');
      return (e as EngineError).message;
    }
    throw new Error('expected an error');
  };

  test('golden: a non-filterable distinct parameter', async () => {
    expect(await message({}, 'doggo.truc')).toBe(
      'Index `dist`: Attribute `doggo.truc` is not filterable and thus, cannot be used as distinct attribute. This index does not have configured filterable attributes.',
    );
    expect(await message({ filterableAttributes: ['color', 'machin'] }, 'doggo.truc')).toBe(
      'Index `dist`: Attribute `doggo.truc` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `color, machin`.',
    );
    expect(await message({ filterableAttributes: ['color', 'machin'], displayedAttributes: ['color'] }, 'doggo.truc')).toBe(
      'Index `dist`: Attribute `doggo.truc` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: `color, <..hidden-attributes>`.',
    );
  });

  test('golden: a rule that matches but disables filtering', async () => {
    expect(await message({ filterableAttributes: [{ attributePatterns: ['color'], features: { filter: { equality: false, comparison: false } } }] }, 'color')).toBe(
      'Index `dist`: Attribute `color` is not filterable and thus, cannot be used as distinct attribute. Note: this attribute matches rule #0 in filterableAttributes, but this rule does not enable filtering.\nHint: enable filtering in rule #0 by adding appropriate filter features.\nHint: prepend another rule matching color with filter features before rule #0',
    );
  });

  test('errors are EngineErrors', async () => {
    const engine = await engineWith([{ id: 1 }], {}, 'e');
    const { state } = await readerOf(engine, 'e');
    expect(() => resolveDistinct(state, 'x')).toThrow(EngineError);
  });
});
