/**
 * Parses a user's file into documents, as Meilisearch reads its three payload formats:
 * - JSON: an array of objects (or one object);
 * - NDJSON: one object per line (blank lines skipped);
 * - CSV: a header row whose names may carry a type (`price:number`, `available:boolean`, `title:string`,
 *   default string), RFC 4180 quoting; an empty cell is `null`.
 * Errors name the line (NDJSON, CSV) or the document (JSON) at fault.
 */

export type PayloadFormat = 'json' | 'ndjson' | 'csv';
export type Doc = Record<string, unknown>;

export class PayloadError extends Error {
  override name = 'PayloadError';
}

/** The format from the file name, else from the first non-blank character of the text. */
export function detectFormat(fileName: string, text: string): PayloadFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    const lines = start.split('\n', 3).filter((l) => l.trim());
    return lines.length > 1 && lines[1].trimStart().startsWith('{') ? 'ndjson' : 'json';
  }
  return 'csv';
}

function isObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJson(text: string): Doc[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PayloadError(`The JSON does not parse: ${(e as Error).message}`);
  }
  const docs = Array.isArray(value) ? value : [value];
  docs.forEach((doc, i) => {
    if (!isObject(doc)) throw new PayloadError(`Document ${i + 1} is not a JSON object.`);
  });
  return docs as Doc[];
}

export function parseNdjson(text: string): Doc[] {
  const docs: Doc[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new PayloadError(`Line ${i + 1} is not valid JSON: ${(e as Error).message}`);
    }
    if (!isObject(value)) throw new PayloadError(`Line ${i + 1} is not a JSON object.`);
    docs.push(value);
  });
  return docs;
}

/** RFC 4180 records: quoted fields may hold delimiters, quotes (doubled) and line breaks. */
export function csvRecords(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fieldStarted = false;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new PayloadError('The CSV ends inside a quoted field.');
  if (fieldStarted || record.length) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

type CsvType = 'string' | 'number' | 'boolean';

function header(name: string): { name: string; type: CsvType } {
  const m = /^(.*):(string|number|boolean)$/.exec(name);
  return m ? { name: m[1], type: m[2] as CsvType } : { name, type: 'string' };
}

export function parseCsv(text: string, delimiter = ','): Doc[] {
  const [head, ...rows] = csvRecords(text, delimiter);
  if (!head) return [];
  const columns = head.map(header);
  return rows.map((row, r) => {
    if (row.length !== columns.length) throw new PayloadError(`CSV line ${r + 2} has ${row.length} fields; the header has ${columns.length}.`);
    const doc: Doc = {};
    columns.forEach(({ name, type }, c) => {
      const cell = row[c];
      if (cell === '') doc[name] = null;
      else if (type === 'number') {
        const n = Number(cell.trim());
        if (!Number.isFinite(n)) throw new PayloadError(`CSV line ${r + 2}: \`${cell}\` in column \`${name}\` is not a number.`);
        doc[name] = n;
      } else if (type === 'boolean') {
        const b = cell.trim().toLowerCase();
        if (b !== 'true' && b !== 'false') throw new PayloadError(`CSV line ${r + 2}: \`${cell}\` in column \`${name}\` is not a boolean.`);
        doc[name] = b === 'true';
      } else doc[name] = cell;
    });
    return doc;
  });
}

/** The delimiter of a CSV file: a tab for `.tsv`, `;` when the header has semicolons but no commas, else `,`. */
export function csvDelimiter(fileName: string, text: string): string {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

export function parseDocuments(fileName: string, text: string): { format: PayloadFormat; documents: Doc[] } {
  const format = detectFormat(fileName, text);
  const documents = format === 'json' ? parseJson(text) : format === 'ndjson' ? parseNdjson(text) : parseCsv(text, csvDelimiter(fileName, text));
  return { format, documents };
}

/** An index uid from a file name: letters, digits, `-` and `_` only (Meilisearch's rule). */
export function indexUidFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return (base || 'documents').slice(0, 400);
}
