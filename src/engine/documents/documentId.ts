import { EngineError } from '../../errors/engineError.ts';
import { utf8Length } from '../storage/byteCodec.ts';
import type { Document } from '../types/indexes.ts';

const ID_CHARS = /^[A-Za-z0-9_-]+$/;

/** Meilisearch's message for an invalid document identifier. */
export function invalidIdMessage(value: unknown): string {
  return `Document identifier \`${JSON.stringify(value)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`;
}

/** The canonical string of a valid document id (integers as decimal text), or undefined if invalid. */
export function canonicalDocumentId(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) && !(Number.isInteger(value) && Math.abs(value) < 2 ** 64)) return undefined;
    return BigInt(value).toString();
  }
  if (typeof value === 'string') {
    if (value.length === 0 || utf8Length(value) > 511 || !ID_CHARS.test(value)) return undefined;
    return value;
  }
  return undefined;
}

/** Values found at a (possibly dotted) primary key path: nested objects and flattened keys both count. */
function valuesAtPath(doc: Document, path: string): unknown[] {
  const found: unknown[] = [];
  const visit = (obj: Record<string, unknown>, rest: string) => {
    if (Object.prototype.hasOwnProperty.call(obj, rest)) found.push(obj[rest]);
    let dot = rest.indexOf('.');
    while (dot >= 0) {
      const head = rest.slice(0, dot);
      const child = Object.prototype.hasOwnProperty.call(obj, head) ? obj[head] : undefined;
      if (child && typeof child === 'object' && !Array.isArray(child)) visit(child as Record<string, unknown>, rest.slice(dot + 1));
      dot = rest.indexOf('.', dot + 1);
    }
  };
  visit(doc, path);
  return found;
}

/**
 * Extracts and validates the id of `doc` under primary key `pk` (spec §3). Throws `missing_document_id` or
 * `invalid_document_id` with Meilisearch's messages.
 */
export function extractDocumentId(doc: Document, pk: string): string {
  const values = valuesAtPath(doc, pk);
  if (values.length === 0) {
    throw new EngineError('missing_document_id', `Document doesn't have a \`${pk}\` attribute: \`${JSON.stringify(doc)}\`.`);
  }
  if (values.length > 1) {
    throw new EngineError('invalid_document_id', `Document have too many matching \`${pk}\` attribute: \`${JSON.stringify(doc)}\`.`);
  }
  const id = canonicalDocumentId(values[0]);
  if (id === undefined) throw new EngineError('invalid_document_id', invalidIdMessage(values[0]));
  return id;
}
