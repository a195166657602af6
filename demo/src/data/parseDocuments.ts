/**
 * A user's file → documents. The format comes from the file name (else from the first characters); parsing is
 * the library's own Meilisearch payload reader (`parseDocumentsPayload` of `pocketsearch/http`: JSON, NDJSON,
 * CSV with typed headers such as `price:number`), so a file imports here exactly as Meilisearch would take it
 * on `POST /indexes/{uid}/documents`, with the same error codes and messages.
 */
import { parseDocumentsPayload, type PayloadFormat } from 'pocketsearch/http';

export type Doc = Record<string, unknown>;

/** The format of a file: by extension (`.json`, `.ndjson`/`.jsonl`, `.csv`, `.tsv`), else by content. */
export function detectFormat(fileName: string, head: string): PayloadFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return { type: 'json' };
  if (ext === 'ndjson' || ext === 'jsonl') return { type: 'ndjson' };
  if (ext === 'tsv') return { type: 'csv', delimiter: '\t' };
  if (ext !== 'csv') {
    const start = head.trimStart();
    if (start.startsWith('[')) return { type: 'json' };
    if (start.startsWith('{')) {
      const lines = start.split('\n', 3).filter((l) => l.trim());
      return lines.length > 1 && lines[1].trimStart().startsWith('{') ? { type: 'ndjson' } : { type: 'json' };
    }
  }
  const firstLine = head.split('\n', 1)[0] ?? '';
  return { type: 'csv', delimiter: firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',' };
}

/** A format's display name. */
export function formatName(format: PayloadFormat): string {
  return format.type === 'csv' && format.delimiter !== ',' ? `CSV (${format.delimiter === '\t' ? 'tab' : format.delimiter}-separated)` : format.type.toUpperCase();
}

export function parseDocuments(fileName: string, bytes: Uint8Array): { format: PayloadFormat; documents: Doc[] } {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const format = detectFormat(fileName, head);
  return { format, documents: parseDocumentsPayload(bytes, format) };
}

/**
 * Meilisearch's index uid rule as an `<input pattern>`: ASCII letters and digits, `-` and `_`, 1 to 400 characters.
 * Written to be valid under the `v` flag browsers compile patterns with (`-` escaped inside the class).
 */
export const INDEX_UID_PATTERN = '[A-Za-z0-9_\\-]{1,400}';

/** An index uid from a file name: letters, digits, `-` and `_` only (Meilisearch's rule). */
export function indexUidFromFileName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (base || 'documents').slice(0, 400);
}
