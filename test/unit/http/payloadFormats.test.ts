import { describe, expect, test } from 'vitest';
import { parseCsvDelimiter, parseDocumentsPayload, payloadFormatFromContentType, readCsvRecords } from '../../../src/engine/documents/payloadFormats.ts';
import { jsonSyntaxError } from '../../../src/engine/documents/jsonSyntax.ts';
import type { EngineError } from '../../../src/errors/engineError.ts';

const json = { type: 'json' } as const;
const ndjson = { type: 'ndjson' } as const;
const csv = { type: 'csv', delimiter: ',' } as const;

function error(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    return e as EngineError;
  }
  throw new Error('expected an error');
}

describe('content types', () => {
  test('maps media types (parameters ignored) and the CSV delimiter', () => {
    expect(payloadFormatFromContentType('application/json')).toEqual(json);
    expect(payloadFormatFromContentType('application/json; charset=utf-8')).toEqual(json);
    expect(payloadFormatFromContentType('application/x-ndjson')).toEqual(ndjson);
    expect(payloadFormatFromContentType('text/csv')).toEqual(csv);
    expect(payloadFormatFromContentType('TEXT/CSV; charset=utf-8', ';')).toEqual({ type: 'csv', delimiter: ';' });
  });

  test('missing, invalid, and a delimiter with JSON are 415 with Meilisearch messages', () => {
    const missing = error(() => payloadFormatFromContentType(null));
    expect([missing.code, missing.httpStatus]).toEqual(['missing_content_type', 415]);
    expect(missing.message).toBe('A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`, `text/csv`');
    const invalid = error(() => payloadFormatFromContentType('text/plain; charset=utf-8'));
    expect([invalid.code, invalid.httpStatus]).toEqual(['invalid_content_type', 415]);
    expect(invalid.message).toBe('The Content-Type `text/plain` is invalid. Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`, `text/csv`');
    const delim = error(() => payloadFormatFromContentType('application/x-ndjson', ';'));
    expect(delim.code).toBe('invalid_content_type');
    expect(delim.message).toBe(
      'The Content-Type `application/x-ndjson` does not support the use of a csv delimiter. The csv delimiter can only be used with the Content-Type `text/csv`.',
    );
  });

  test('csvDelimiter is one ASCII character', () => {
    expect(parseCsvDelimiter(';')).toBe(';');
    expect(error(() => parseCsvDelimiter('ab')).message).toBe(
      'Invalid value in parameter `csvDelimiter`: expected a string of one character, but found the following string of 2 characters: `ab`',
    );
    const nonAscii = error(() => parseCsvDelimiter('é'));
    expect(nonAscii.code).toBe('invalid_document_csv_delimiter');
    expect(nonAscii.message).toBe('Invalid value in parameter `csvDelimiter`: csv delimiter must be an ascii character. Found: `é`');
  });
});

describe('JSON', () => {
  test('an object or an array of objects', () => {
    expect(parseDocumentsPayload('{"id":1}', json)).toEqual([{ id: 1 }]);
    expect(parseDocumentsPayload(new TextEncoder().encode('[{"id":1},{"id":"a"}]'), json)).toEqual([{ id: 1 }, { id: 'a' }]);
    expect(parseDocumentsPayload('[]', json)).toEqual([]);
  });

  test('empty body → missing_payload; other values → malformed_payload', () => {
    const missing = error(() => parseDocumentsPayload('', json));
    expect([missing.code, missing.message, missing.httpStatus]).toEqual(['missing_payload', 'A json payload is missing.', 400]);
    expect(error(() => parseDocumentsPayload('', ndjson)).message).toBe('A ndjson payload is missing.');
    expect(error(() => parseDocumentsPayload('', csv)).message).toBe('A csv payload is missing.');
    const scalar = error(() => parseDocumentsPayload('[1]', json));
    expect(scalar.code).toBe('malformed_payload');
    expect(scalar.message).toBe('The `json` payload provided is malformed. `Couldn\'t serialize document value: data are neither an object nor a list of objects`.');
  });

  test('syntax errors read like serde_json', () => {
    expect(error(() => parseDocumentsPayload('{"id":1', json)).message).toBe(
      'The `json` payload provided is malformed. `Couldn\'t serialize document value: EOF while parsing an object at line 1 column 7`.',
    );
    expect(jsonSyntaxError('')).toBe('EOF while parsing a value at line 1 column 0');
    expect(jsonSyntaxError('[1,]')).toBe('trailing comma at line 1 column 4');
    expect(jsonSyntaxError('{"a" 1}')).toBe('expected `:` at line 1 column 6');
    expect(jsonSyntaxError('{"a":1 "b":2}')).toBe('expected `,` or `}` at line 1 column 8');
    expect(jsonSyntaxError('[1 2]')).toBe('expected `,` or `]` at line 1 column 4');
    expect(jsonSyntaxError('{1:2}')).toBe('key must be a string at line 1 column 2');
    expect(jsonSyntaxError('{}\n x')).toBe('trailing characters at line 2 column 2');
    expect(jsonSyntaxError('tru')).toBe('EOF while parsing a value at line 1 column 3');
    expect(jsonSyntaxError('"a\\x"')).toBe('invalid escape at line 1 column 4');
  });

  test('positions count bytes on the line, whatever the size of the input', () => {
    const long = `{"${'é'.repeat(300)}" 1}`;
    expect(error(() => parseDocumentsPayload(long, json)).message).toBe(
      'The `json` payload provided is malformed. `Couldn\'t serialize document value: expected `:` at line 1 column 605`.',
    );
  });
});

describe('NDJSON', () => {
  test('one object per line; blank lines and CRLF ignored; several values on a line allowed', () => {
    expect(parseDocumentsPayload('{"id":1}\r\n\n{"id":2}{"id":3}\n', ndjson)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  test('errors', () => {
    expect(error(() => parseDocumentsPayload('{"id":1}\n[1]', ndjson)).message).toBe(
      'The `ndjson` payload provided is malformed. `Couldn\'t serialize document value: data are neither an object nor a list of objects`.',
    );
    expect(error(() => parseDocumentsPayload('{"id":1}\n{"id":', ndjson)).message).toBe(
      'The `ndjson` payload provided is malformed. `Couldn\'t serialize document value: EOF while parsing a value at line 2 column 6`.',
    );
  });
});

describe('CSV', () => {
  test('typed header cells, trimming, empty cells', () => {
    const text = 'id:number,title,price:number,ok:boolean,tag:string,a:b:number,x:unknown\n1,Carol, 9.5 , true ,,12,y\n2,"Quote ""x""",,,"",-3,\n';
    expect(parseDocumentsPayload(text, csv)).toEqual([
      { id: 1, title: 'Carol', price: 9.5, ok: true, tag: null, 'a:b': 12, 'x:unknown': 'y' },
      { id: 2, title: 'Quote "x"', price: null, ok: null, tag: null, 'a:b': -3, 'x:unknown': null },
    ]);
  });

  test('quoted cells with delimiters and newlines; custom delimiter; BOM', () => {
    expect(parseDocumentsPayload('\ufeffid;text\r\n1;"a;b\nc"\r\n', { type: 'csv', delimiter: ';' })).toEqual([{ id: '1', text: 'a;b\nc' }]);
    expect(readCsvRecords('a,b\n\n1,2').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  test('only a header → no documents', () => {
    expect(parseDocumentsPayload('id,title\n', csv)).toEqual([]);
  });

  test('errors carry Meilisearch messages', () => {
    expect(error(() => parseDocumentsPayload('id,n:number\n1,abc', csv)).message).toBe(
      'The `csv` payload provided is malformed: `Error parsing number "abc" at line 1: invalid float literal`.',
    );
    expect(error(() => parseDocumentsPayload('id,b:boolean\n1,true\n2,yes', csv)).message).toBe(
      'The `csv` payload provided is malformed: `Error parsing boolean "yes" at line 2: provided string was not `true` or `false``.',
    );
    expect(error(() => parseDocumentsPayload('id,title\n1', csv)).message).toBe(
      'The `csv` payload provided is malformed: `CSV error: record 1 (line: 2, byte: 9): found record with 1 fields, but the previous record has 2 fields`.',
    );
  });
});
