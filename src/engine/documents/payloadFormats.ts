/**
 * Document payloads as Meilisearch reads them (spec §1.2): JSON (an object or an array of objects), NDJSON (one
 * object per line) and CSV (header cells `name` or `name:string|boolean|number`, empty cell → null), with
 * Meilisearch's error codes and messages. Shared by the HTTP handler, the worker and the demo (file uploads).
 *
 * @example
 * ```ts
 * const format = payloadFormatFromContentType('text/csv; charset=utf-8', ';');
 * const docs = parseDocumentsPayload('id;title\n1;Carol', format);
 * // [{ id: '1', title: 'Carol' }]
 * ```
 */
import { EngineError } from '../../errors/engineError.ts';
import type { Document } from '../types/indexes.ts';
import { isPlainObject } from '../validation/jsonValidation.ts';
import { jsonSyntaxError, splitJsonStream } from './jsonSyntax.ts';

/** A payload format with its CSV delimiter (one ASCII character, `,` by default). */
export type PayloadFormat = { type: 'json' } | { type: 'ndjson' } | { type: 'csv'; delimiter: string };

/** Content types accepted on document routes, in Meilisearch's order (used in 415 messages). */
export const DOCUMENT_CONTENT_TYPES = ['application/json', 'application/x-ndjson', 'text/csv'] as const;

function acceptedList(accepted: readonly string[]): string {
  return accepted.map((a) => `\`${a}\``).join(', ');
}

/** 415 `missing_content_type` with Meilisearch's message. */
export function missingContentType(accepted: readonly string[]): EngineError {
  return new EngineError('missing_content_type', `A Content-Type header is missing. Accepted values for the Content-Type header are: ${acceptedList(accepted)}`);
}

/** 415 `invalid_content_type` with Meilisearch's message. */
export function invalidContentType(contentType: string, accepted: readonly string[]): EngineError {
  return new EngineError('invalid_content_type', `The Content-Type \`${contentType}\` is invalid. Accepted values for the Content-Type header are: ${acceptedList(accepted)}`);
}

/** `type/subtype` of a Content-Type header, lowercased, parameters dropped (`null` when unparsable). */
export function mediaType(contentType: string): string | null {
  const m = /^\s*([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)\s*(;.*)?$/i.exec(contentType);
  return m ? `${m[1].toLowerCase()}/${m[2].toLowerCase()}` : null;
}

/**
 * The payload format of a document route from its Content-Type header and `csvDelimiter` parameter
 * (415 `missing_content_type` / `invalid_content_type` as Meilisearch answers them).
 *
 * @example
 * ```ts
 * payloadFormatFromContentType('text/csv; charset=utf-8', ';'); // { type: 'csv', delimiter: ';' }
 * payloadFormatFromContentType('application/x-ndjson');         // { type: 'ndjson' }
 * ```
 */
export function payloadFormatFromContentType(contentType: string | null | undefined, csvDelimiter?: string): PayloadFormat {
  if (contentType === null || contentType === undefined) throw missingContentType(DOCUMENT_CONTENT_TYPES);
  const media = mediaType(contentType);
  if (media === null) throw invalidContentType(contentType, DOCUMENT_CONTENT_TYPES);
  if (media === 'text/csv') return { type: 'csv', delimiter: csvDelimiter ?? ',' };
  if (media === 'application/json' || media === 'application/x-ndjson') {
    if (csvDelimiter !== undefined) {
      throw new EngineError(
        'invalid_content_type',
        `The Content-Type \`${media}\` does not support the use of a csv delimiter. The csv delimiter can only be used with the Content-Type \`text/csv\`.`,
      );
    }
    return media === 'application/json' ? { type: 'json' } : { type: 'ndjson' };
  }
  throw invalidContentType(media, DOCUMENT_CONTENT_TYPES);
}

/**
 * Validates the `csvDelimiter` query parameter: exactly one ASCII character (`invalid_document_csv_delimiter`
 * otherwise).
 *
 * @example
 * ```ts
 * parseCsvDelimiter(';'); // ';'
 * ```
 */
export function parseCsvDelimiter(value: string): string {
  const chars = [...value];
  if (chars.length !== 1) {
    throw new EngineError(
      'invalid_document_csv_delimiter',
      `Invalid value in parameter \`csvDelimiter\`: expected a string of one character, but found the following string of ${chars.length} characters: \`${value}\``,
    );
  }
  if (value.charCodeAt(0) > 0x7f) {
    throw new EngineError('invalid_document_csv_delimiter', `Invalid value in parameter \`csvDelimiter\`: csv delimiter must be an ascii character. Found: \`${value}\``);
  }
  return value;
}

function formatName(f: PayloadFormat): string {
  return f.type;
}

/** Meilisearch trims long serde messages to 50 + "..." + 85 characters. */
function trimMessage(message: string): string {
  return message.length > 50 + 85 + 3 ? `${message.slice(0, 50)}...${message.slice(message.length - 85)}` : message;
}

function malformedJson(format: PayloadFormat, message: string): EngineError {
  return new EngineError('malformed_payload', `The \`${formatName(format)}\` payload provided is malformed. \`Couldn't serialize document value: ${trimMessage(message)}\`.`);
}

const NOT_OBJECTS = 'data are neither an object nor a list of objects';

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  return new TextDecoder('utf-8', { fatal: false }).decode(input);
}

/** True when the body is empty (0 bytes): Meilisearch's `missing_payload`. */
function isEmpty(input: string | Uint8Array): boolean {
  return typeof input === 'string' ? input.length === 0 : input.byteLength === 0;
}

/**
 * Parses a document payload. An empty body is 400 `missing_payload` ("A json payload is missing."); a body that
 * does not parse, or holds something other than objects, is 400 `malformed_payload` with Meilisearch's message.
 *
 * @example
 * ```ts
 * // a file the user picked, added as Meilisearch's POST /indexes/movies/documents would
 * const docs = parseDocumentsPayload(new Uint8Array(await file.arrayBuffer()), payloadFormatFromContentType(file.type || 'application/json'));
 * await client.index('movies').addDocuments(docs).waitTask({ timeout: 60_000 });
 * parseDocumentsPayload('id,title,year:number\n1,Carol,2015', { type: 'csv', delimiter: ',' }); // [{ id: '1', title: 'Carol', year: 2015 }]
 * ```
 */
export function parseDocumentsPayload(input: string | Uint8Array, format: PayloadFormat): Document[] {
  if (isEmpty(input)) throw new EngineError('missing_payload', `A ${formatName(format)} payload is missing.`);
  const text = decode(input);
  switch (format.type) {
    case 'json':
      return parseJsonDocuments(text, format);
    case 'ndjson':
      return parseNdjsonDocuments(text, format);
    case 'csv':
      return parseCsvDocuments(text, format);
  }
}

function parseJsonDocuments(text: string, format: PayloadFormat): Document[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformedJson(format, jsonSyntaxError(text));
  }
  const list = Array.isArray(value) ? value : [value];
  for (const d of list) if (!isPlainObject(d)) throw malformedJson(format, NOT_OBJECTS);
  return list as Document[];
}

/** NDJSON: JSON values separated by whitespace (serde's stream deserializer), each an object. */
function parseNdjsonDocuments(text: string, format: PayloadFormat): Document[] {
  const spans = splitJsonStream(text);
  if (spans === null) throw malformedJson(format, jsonSyntaxError(text, { stream: true }));
  const out: Document[] = [];
  for (const [start, end] of spans) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch {
      throw malformedJson(format, jsonSyntaxError(text, { stream: true }));
    }
    if (!isPlainObject(value)) throw malformedJson(format, NOT_OBJECTS);
    out.push(value);
  }
  return out;
}

type CsvType = 'string' | 'boolean' | 'number';

/** `name:type` header cell; several `:` → split on the last; unknown type keeps the whole cell as a string field. */
function parseCsvHeader(cell: string): [string, CsvType] {
  const i = cell.lastIndexOf(':');
  if (i >= 0) {
    const type = cell.slice(i + 1);
    if (type === 'string' || type === 'boolean' || type === 'number') return [cell.slice(0, i), type];
  }
  return [cell, 'string'];
}

/**
 * Rust's `str::parse::<f64>`: accepts `1e5`, `.5`, `5.`, `+1`, `inf`, `NaN` but not hex or `1_000`.
 * Non-finite values become `null` (serde_json cannot hold them). `undefined` = does not parse.
 */
function parseRustFloat(s: string): number | null | undefined {
  if (/^[+-]?(inf|infinity|nan)$/i.test(s)) return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function csvError(format: PayloadFormat, message: string): EngineError {
  return new EngineError('malformed_payload', `The \`${formatName(format)}\` payload provided is malformed: \`${message}\`.`);
}

/** CSV → documents: Meilisearch's typed header cells, trimmed numbers/booleans, empty string cell → null. */
function parseCsvDocuments(text: string, format: PayloadFormat & { type: 'csv' }): Document[] {
  const records = readCsvRecords(text, format.delimiter);
  if (records.length === 0) return [];
  const header = records[0];
  const fields = header.cells.map(parseCsvHeader);
  const out: Document[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.cells.length !== fields.length) {
      throw csvError(
        format,
        `CSV error: record ${r} (line: ${rec.line}, byte: ${new TextEncoder().encode(text.slice(0, rec.start)).length}): found record with ${rec.cells.length} fields, but the previous record has ${fields.length} fields`,
      );
    }
    const doc: Document = {};
    for (const [name] of fields) doc[name] = null;
    fields.forEach(([name, type], i) => {
      const value = rec.cells[i];
      const trimmed = value.trim();
      if (type === 'number') {
        if (!trimmed) doc[name] = null;
        else {
          const n = parseRustFloat(trimmed);
          if (n === undefined) throw csvError(format, `Error parsing number ${JSON.stringify(value)} at line ${r}: invalid float literal`);
          doc[name] = n;
        }
      } else if (type === 'boolean') {
        if (!trimmed) doc[name] = null;
        else if (trimmed === 'true' || trimmed === 'false') doc[name] = trimmed === 'true';
        else throw csvError(format, `Error parsing boolean ${JSON.stringify(value)} at line ${r}: provided string was not \`true\` or \`false\``);
      } else {
        doc[name] = value === '' ? null : value;
      }
    });
    out.push(doc);
  }
  return out;
}

interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts */
  line: number;
  /** offset (UTF-16 code units) where the record starts */
  start: number;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/**
 * RFC 4180 records (the Rust `csv` crate's defaults): quoted fields with `""` escapes, CRLF or LF line ends,
 * empty lines skipped, a leading UTF-8 BOM ignored. Cells are sliced, not built character by character.
 */
export function readCsvRecords(text: string, delimiter = ','): CsvRecord[] {
  const out: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const cellEnd = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === d || c === 10 || c === 13) break;
      j++;
    }
    return j;
  };
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === 10 || first === 13) {
      if (first === 10) line++;
      i++;
      continue;
    }
    const rec: CsvRecord = { cells: [], line, start: i };
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        // Quoted cell: segments between quotes, `""` is a quote; text after the closing quote is kept.
        let value = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          const end = q < 0 ? n : q;
          value += text.slice(i, end);
          line += countNewlines(text, i, end);
          if (q < 0) {
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const j = cellEnd(i);
        rec.cells.push(value + text.slice(i, j));
        i = j;
      } else {
        const j = cellEnd(i);
        rec.cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      if (text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      break;
    }
    out.push(rec);
  }
  return out;
}
