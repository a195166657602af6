/** The demo's pure logic (Node): sample-data cleaning, filters from UI state, highlight runs, file formats, paging. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cleanMovies, parseReleaseDate, sampleMoviesJson } from '../../../demo/build/sampleData.ts';
import { sampleDataError, sampleResponseProblem } from '../../../demo/src/data/sampleData.ts';
import { buildFilter, initialState, quote, setRange, toggleRefinement } from '../../../demo/src/search/searchState.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, displayText, highlightRuns } from '../../../demo/src/ui/highlight.ts';
import { detectFormat, INDEX_UID_PATTERN, indexUidFromFileName, parseDocuments } from '../../../demo/src/data/parseDocuments.ts';
import { pageWindow } from '../../../demo/src/search/paginationView.ts';
import { formatBytes, formatIsoDuration, humanize } from '../../../demo/src/ui/format.ts';
import { chooseTitleField } from '../../../demo/src/search/indexProfile.ts';

describe('sample data', () => {
  it('undoes the two-digit-year bug of vega-datasets and writes ISO dates', () => {
    expect(parseReleaseDate('Dec 15 2039')).toEqual({ iso: '1939-12-15', year: 1939 });
    expect(parseReleaseDate('Dec 23 2011')).toEqual({ iso: '2011-12-23', year: 2011 });
    expect(parseReleaseDate('Jun 12 1998')).toEqual({ iso: '1998-06-12', year: 1998 });
    expect(parseReleaseDate('sometime')).toBeNull();
  });

  it('adds ids, keeps titles as strings, leaves unknown values out, drops rows without a title', () => {
    const movies = cleanMovies([
      { Title: 1941, 'Release Date': 'Dec 14 2079', Director: 'Steven Spielberg', 'IMDB Rating': 5.8, 'Major Genre': null },
      { Title: null, 'Release Date': 'Jan 01 2000' },
      { Title: ' Carol ', 'Release Date': 'Nov 20 2015', Distributor: '' },
    ]);
    expect(movies).toEqual([
      { id: 1, title: '1941', releaseDate: '1979-12-14', year: 1979, director: 'Steven Spielberg', imdbRating: 5.8 },
      { id: 2, title: 'Carol', releaseDate: '1915-11-20', year: 1915 },
    ]);
  });

  it('is made from the vega-datasets package without writing a file', () => {
    const movies = JSON.parse(sampleMoviesJson(fileURLToPath(new URL('../../../node_modules/vega-datasets/data/movies.json', import.meta.url)))) as unknown[];
    expect(movies.length).toBe(3200);
  });

  it('a wrong answer for the sample becomes a sentence, never a JSON.parse message', () => {
    expect(sampleResponseProblem('data/movies.json', 200, 'application/json')).toBeNull();
    expect(sampleResponseProblem('data/movies.json', 200, 'application/json; charset=utf-8')).toBeNull();
    expect(sampleResponseProblem('data/movies.json', 404, 'text/html')).toBe('HTTP 404 from data/movies.json');
    // A dev server's single-page fallback: 200 with index.html.
    expect(sampleResponseProblem('data/movies.json', 200, 'text/html; charset=utf-8')).toBe(
      'data/movies.json came back as an HTML page, not JSON: the server does not have the file',
    );
    // Odd labels of ordinary static servers are let through: parsing decides.
    expect(sampleResponseProblem('data/movies.json', 200, 'text/plain')).toBeNull();
    expect(sampleResponseProblem('data/movies.json', 200, null)).toBeNull();
    expect(sampleDataError('HTTP 404 from data/movies.json').message).toBe(
      'The sample movies could not be loaded (HTTP 404 from data/movies.json). Restart `npm run demo` (or rebuild with `npm run build`) and reload the page.',
    );
  });
});

describe('search state → filter', () => {
  it('ORs the values of a field, ANDs fields and ranges, and leaves out one field for its own counts', () => {
    const state = initialState();
    toggleRefinement(state, 'genre', 'Drama', true);
    toggleRefinement(state, 'genre', 'Comedy', true);
    toggleRefinement(state, 'mpaaRating', 'PG-13', true);
    setRange(state, 'year', { min: 1990, max: null });
    expect(buildFilter(state)).toEqual([['genre = "Drama"', 'genre = "Comedy"'], ['mpaaRating = "PG-13"'], 'year >= 1990']);
    expect(buildFilter(state, 'genre')).toEqual([['mpaaRating = "PG-13"'], 'year >= 1990']);
    toggleRefinement(state, 'genre', 'Drama', false);
    toggleRefinement(state, 'genre', 'Comedy', false);
    toggleRefinement(state, 'mpaaRating', 'PG-13', false);
    setRange(state, 'year', { min: null, max: null });
    expect(buildFilter(state)).toBeNull();
  });

  it('quotes values with quotes and backslashes, and odd attribute names', () => {
    expect(quote('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
    const state = initialState();
    toggleRefinement(state, 'the genre', 'A "B"', true);
    expect(buildFilter(state)).toEqual([['"the genre" = "A \\"B\\""']]);
  });
});

describe('highlight runs', () => {
  it('splits on the engine markers only; HTML stays text', () => {
    expect(highlightRuns(`<img src=x onerror=alert(1)> ${HIGHLIGHT_PRE}star${HIGHLIGHT_POST} <em>wars</em>`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', highlighted: false },
      { text: 'star', highlighted: true },
      { text: ' <em>wars</em>', highlighted: false },
    ]);
  });

  it('drops unbalanced markers', () => {
    expect(highlightRuns(`a${HIGHLIGHT_POST}b${HIGHLIGHT_PRE}c`)).toEqual([
      { text: 'ab', highlighted: false },
      { text: 'c', highlighted: true },
    ]);
  });

  it('displays arrays, objects and nulls as text', () => {
    expect(displayText(['a', 1, null])).toBe('a, 1');
    expect(displayText({ a: 1 })).toBe('{"a":1}');
    expect(displayText(null)).toBe('');
  });
});

describe('imported files', () => {
  it('detects the format from the name, else from the content', () => {
    expect(detectFormat('a.json', '')).toEqual({ type: 'json' });
    expect(detectFormat('a.jsonl', '')).toEqual({ type: 'ndjson' });
    expect(detectFormat('a.tsv', '')).toEqual({ type: 'csv', delimiter: '\t' });
    expect(detectFormat('a.txt', '{"id":1}\n{"id":2}\n')).toEqual({ type: 'ndjson' });
    expect(detectFormat('a.txt', '  [{"id":1}]')).toEqual({ type: 'json' });
    expect(detectFormat('a.txt', 'id;title\n1;x')).toEqual({ type: 'csv', delimiter: ';' });
  });

  it('parses with Meilisearch payload rules (typed CSV headers, empty cell → null)', () => {
    const csv = new TextEncoder().encode('id,price:number,ok:boolean,name\n1,2.5,true,\n');
    expect(parseDocuments('shop.csv', csv).documents).toEqual([{ id: '1', price: 2.5, ok: true, name: null }]);
    expect(() => parseDocuments('bad.json', new TextEncoder().encode('[{"id": 1,'))).toThrow(/malformed/);
  });

  it('derives an index uid from a file name', () => {
    expect(indexUidFromFileName('My movies (2024).csv')).toBe('My_movies_2024');
    expect(indexUidFromFileName('.json')).toBe('documents');
  });

  it('the index name input pattern is a valid regular expression under the v flag, with Meilisearch\'s uid rule', () => {
    // As browsers compile `pattern`: the whole value, with the v flag (an invalid pattern turns validation off).
    const uid = new RegExp(`^(?:${INDEX_UID_PATTERN})$`, 'v');
    for (const ok of ['movies', 'My_movies-2024', '0', 'a'.repeat(400), indexUidFromFileName('My movies (2024).csv')]) expect(uid.test(ok)).toBe(true);
    for (const bad of ['', 'my movies', 'films/2024', 'café', 'a'.repeat(401), 'x.y']) expect(uid.test(bad)).toBe(false);
  });
});

describe('small helpers', () => {
  it('pages around the current one', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 320)).toEqual([8, 9, 10, 11, 12]);
    expect(pageWindow(320, 320)).toEqual([316, 317, 318, 319, 320]);
  });

  it('formats durations, sizes and field names', () => {
    expect(formatIsoDuration('PT0.136S')).toBe('136 ms');
    expect(formatIsoDuration('PT1M2.5S')).toBe('1 min 2.5 s');
    expect(formatIsoDuration(null)).toBe('—');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(humanize('imdbRating')).toBe('Imdb rating');
  });

  it('chooses a title field', () => {
    expect(chooseTitleField({ id: 1, name: 'x', title: 'y' }, ['*'])).toBe('name');
    expect(chooseTitleField({ id: 1, overview: 'x' }, ['*'])).toBe('overview');
    expect(chooseTitleField(null, ['*'])).toBeNull();
  });
});
