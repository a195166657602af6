/** The small parts of the codec: JSON lines, roaring bitmaps, dates, old settings and error codes. */
import { describe, expect, it } from 'vitest';
import { formatDumpUid, formatInstant, parseInstant, subtractSeconds } from '../../../src/backup/dump/dumpDates.ts';
import { DumpError } from '../../../src/backup/dump/dumpError.ts';
import { readJsonLines } from '../../../src/backup/dump/jsonLines.ts';
import { errorFromV2Code, errorFromV3Code, errorFromV5Name } from '../../../src/backup/dump/legacyErrors.ts';
import { settingsFromLegacy, settingsFromV6 } from '../../../src/backup/dump/legacySettings.ts';
import { decodeRoaring, decodeRoaringJson, encodeRoaring } from '../../../src/backup/dump/roaringBitmap.ts';
import { normalizeEntryName } from '../../../src/backup/dump/tarEntries.ts';

async function* chunks(parts: (string | number[])[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p);
}

async function readAll(parts: (string | number[])[], max = 1000): Promise<[unknown, number][]> {
  const out: [unknown, number][] = [];
  for await (const { value, line } of readJsonLines(chunks(parts), 'f.jsonl', max)) out.push([value, line]);
  return out;
}

describe('JSON lines', () => {
  it('joins lines split across chunks, skips blank lines, counts lines, accepts CRLF and no final newline', async () => {
    expect(await readAll(['{"a":', '1}\n\n{"b"', ':2}\r\n', '{"c":3}'])).toEqual([
      [{ a: 1 }, 1],
      [{ b: 2 }, 3],
      [{ c: 3 }, 4],
    ]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = [...new TextEncoder().encode('{"t":"é🦸"}\n')];
    expect(await readAll([bytes.slice(0, 8), bytes.slice(8, 10), bytes.slice(10)])).toEqual([[{ t: 'é🦸' }, 1]]);
  });

  it('accepts a line of exactly maxLineBytes and refuses one byte more', async () => {
    const line = `{"x":"${'a'.repeat(12)}"}`; // 20 bytes
    expect(await readAll([`${line}\n`], 20)).toHaveLength(1);
    await expect(readAll([`${line}x\n`], 20)).rejects.toMatchObject({ reason: 'too_large', message: expect.stringContaining('Line 1 of `f.jsonl`') });
    await expect(readAll(['{"x":1}\n', line.slice(0, 15), `${line.slice(15)}x`], 20)).rejects.toMatchObject({ reason: 'too_large' });
  });

  it('refuses bytes that are not UTF-8', async () => {
    await expect(readAll([[0x7b, 0x22, 0xff, 0x22, 0x7d, 0x0a]])).rejects.toMatchObject({ reason: 'invalid_json', message: expect.stringContaining('not valid UTF-8') });
  });
});

describe('roaring bitmaps (portable format)', () => {
  it('round-trips array and bitmap containers', () => {
    const dense = Array.from({ length: 5000 }, (_, i) => 65536 * 3 + i * 2);
    const values = [0, 1, 65535, 65536, 4_000_000_000, ...dense];
    const bytes = encodeRoaring(values);
    expect(decodeRoaring(bytes)).toEqual([...values].sort((a, b) => a - b));
    expect(bytes.length).toBeLessThan(8192 + 200); // the 5000-value container is a bitmap
  });

  it('encodes an empty set as cookie + zero containers', () => {
    expect([...encodeRoaring([])]).toEqual([58, 48, 0, 0, 0, 0, 0, 0]);
    expect(decodeRoaring(encodeRoaring([]))).toEqual([]);
  });

  it('reads run containers written by other implementations', () => {
    // cookie 12347 with 1 container, run flag set, key 0, cardinality 7: runs [3..5] and [10..13]; no offsets (< 4 containers)
    const bytes = [0x3b, 0x30, 0x00, 0x00, 0x01, 0x00, 0x00, 0x06, 0x00, 0x02, 0x00, 0x03, 0x00, 0x02, 0x00, 0x0a, 0x00, 0x03, 0x00];
    expect(decodeRoaringJson(bytes)).toEqual([3, 4, 5, 10, 11, 12, 13]);
  });

  it('refuses bytes that are not a roaring bitmap', () => {
    expect(() => decodeRoaringJson([1, 2, 3, 4])).toThrow(DumpError);
    expect(() => decodeRoaringJson([58, 48, 0, 0, 1, 0, 0, 0])).toThrow(/ends early/);
    expect(() => decodeRoaringJson([300])).toThrow(/array of bytes/);
  });
});

describe('dates', () => {
  it('keeps nanoseconds when subtracting a duration, and formats like Meilisearch', () => {
    const t = parseInstant('2022-10-02T13:38:26.380139609Z');
    expect(t).not.toBeNull();
    expect(formatInstant(subtractSeconds(t!, 0.004819163))).toBe('2022-10-02T13:38:26.375320446Z');
    expect(formatInstant(subtractSeconds(t!, 1.5))).toBe('2022-10-02T13:38:24.880139609Z');
    expect(formatInstant(parseInstant('2023-11-13T01:00:00+01:00')!)).toBe('2023-11-13T00:00:00Z');
    expect(parseInstant('yesterday')).toBeNull();
  });

  it('names dumps YYYYMMDD-HHMMSSmmm in UTC', () => {
    expect(formatDumpUid(new Date('2025-07-31T09:21:30.478Z'))).toBe('20250731-092130478');
  });
});

describe('entry names', () => {
  it('normalizes ./ prefixes and double slashes', () => {
    expect(normalizeEntryName('./indexes//movies/./documents.jsonl')).toBe('indexes/movies/documents.jsonl');
    expect(normalizeEntryName('./')).toBeNull();
  });

  it('refuses names leaving the archive', () => {
    for (const n of ['../x', 'a/../../x', '/abs', 'C:\\win', 'a\\..\\..\\x']) expect(() => normalizeEntryName(n)).toThrow(/absolute|escapes/);
  });
});

describe('old settings', () => {
  it('converts v1 index settings: asc(field), wordsPosition dropped, attributesForFaceting, "*" = default', () => {
    const { settings, ignored } = settingsFromLegacy(
      {
        rankingRules: ['typo', 'words', 'wordsPosition', 'exactness', 'desc(price)', 'bogus'],
        distinctAttribute: null,
        searchableAttributes: ['*'],
        displayedAttributes: ['title', 'price'],
        attributesForFaceting: ['brand'],
      },
      { version: 1, place: 'index' },
    );
    expect(settings).toEqual({ rankingRules: ['typo', 'words', 'exactness', 'price:desc'], displayedAttributes: ['title', 'price'], filterableAttributes: ['brand'], sortableAttributes: ['brand'] });
    expect(ignored).toEqual(['rankingRules:wordsPosition', 'rankingRules:bogus']);
  });

  it('converts v1 task settings (UpdateState) keeping resets', () => {
    const { settings } = settingsFromLegacy(
      { ranking_rules: { Update: ['Typo', { Asc: 'year' }, 'WordsPosition'] }, stop_words: 'Clear', synonyms: 'Nothing', primary_key: { Update: 'id' }, attributes_for_faceting: { Update: ['a'] } },
      { version: 1, place: 'task' },
    );
    expect(settings).toEqual({ rankingRules: ['typo', 'year:asc'], stopWords: null, filterableAttributes: ['a'], sortableAttributes: ['a'] });
  });

  it('converts v2 asc(field) rules, v5 pagination 0 → 1, and drops v6-unknown rules', () => {
    expect(settingsFromLegacy({ rankingRules: ['words', 'asc(release_date)', 'release_date:asc'] }, { version: 2, place: 'index' }).settings).toEqual({ rankingRules: ['words', 'release_date:asc', 'release_date:asc'] });
    expect(settingsFromLegacy({ pagination: { maxTotalHits: 0 }, faceting: { maxValuesPerFacet: 3 } }, { version: 5, place: 'index' }).settings).toEqual({ pagination: { maxTotalHits: 1 }, faceting: { maxValuesPerFacet: 3 } });
    expect(settingsFromLegacy({ rankingRules: ['words', '_geoPoint(1,2):asc', 'typo'] }, { version: 3, place: 'task' }).settings).toEqual({ rankingRules: ['words', 'typo'] });
    expect(settingsFromLegacy({ displayedAttributes: ['*'] }, { version: 4, place: 'task' }).settings).toEqual({ displayedAttributes: ['*'] });
  });

  it('keeps only the v6 settings pocketsearch knows', () => {
    expect(settingsFromV6({ rankingRules: ['words'], chat: {}, foreignKeys: [] })).toEqual({ settings: { rankingRules: ['words'] }, ignored: ['chat', 'foreignKeys'] });
  });
});

describe('old error codes', () => {
  it('maps v1/v2, v3 and v4/v5 codes to today’s codes and types', () => {
    expect(errorFromV2Code('m', 'missing_primary_key')).toEqual({ message: 'm', code: 'index_primary_key_no_candidate_found', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#index_primary_key_no_candidate_found' });
    expect(errorFromV2Code('m', 'invalid_facet').code).toBe('unretrievable_error_code');
    expect(errorFromV3Code('m', 'InvalidStore')).toMatchObject({ code: 'invalid_store_file', type: 'internal' });
    expect(errorFromV3Code('m', 'Filter').code).toBe('invalid_settings_filterable_attributes');
    expect(errorFromV5Name('m', 'invalid_api_key')).toMatchObject({ code: 'invalid_api_key', type: 'auth' });
    expect(errorFromV5Name('m', 'no_space_left_on_device').type).toBe('system');
    expect(errorFromV5Name('m', 'search_error').code).toBe('unretrievable_error_code');
  });
});
