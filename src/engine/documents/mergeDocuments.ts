import type { Document } from '../types/indexes.ts';

/**
 * Shallow merge for partial updates (`PUT` documents): top-level keys of `update` replace those of `base`.
 * Keys are defined as own properties, so a `__proto__` key stays data and never touches a prototype.
 */
export function mergeDocuments(base: Document, update: Document): Document {
  const out: Document = {};
  for (const src of [base, update]) {
    for (const key of Object.keys(src)) {
      Object.defineProperty(out, key, { value: src[key], enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}
