import type { Document } from '../types/indexes.ts';

/** A leaf value of a document: scalars (null included) found under a dotted path. */
export type LeafValue = string | number | boolean | null;

/** Reserved top-level field holding vectors: stored, never indexed (embedders are out of scope). */
export const VECTORS_FIELD = '_vectors';

/**
 * Walks a document like Meilisearch's flattening: nested objects become dotted paths (`a.b`), arrays
 * contribute each element to the same path (objects inside arrays recurse with the same prefix).
 * Calls `leaf(path, value, isArrayElement)` for every scalar in document order and `field(path, value)` for
 * every path present (objects and arrays included; `inArray` when reached through an array), so callers can count fields and index values.
 */
export function walkDocument(
  doc: Document,
  leaf: (path: string, value: LeafValue, inArray: boolean) => void,
  field?: (path: string, value: unknown, inArray: boolean) => void,
): void {
  const visitValue = (path: string, value: unknown, inArray: boolean): void => {
    if (value === null || typeof value !== 'object') {
      if (value !== undefined) leaf(path, value as LeafValue, inArray);
      return;
    }
    if (Array.isArray(value)) {
      for (const el of value) visitValue(path, el, true);
      return;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = `${path}.${k}`;
      field?.(p, v, inArray);
      visitValue(p, v, inArray);
    }
  };
  for (const [k, v] of Object.entries(doc)) {
    if (k === VECTORS_FIELD) continue;
    field?.(k, v, false);
    visitValue(k, v, false);
  }
}

/** Every field path of a document (top-level and nested), in first-seen order. */
export function documentFieldPaths(doc: Document): string[] {
  const seen = new Set<string>();
  walkDocument(doc, () => undefined, (p) => seen.add(p));
  if (Object.prototype.hasOwnProperty.call(doc, VECTORS_FIELD)) seen.add(VECTORS_FIELD);
  return [...seen];
}

/** Value at a dotted path for output selection (`fields=a.b`): nested lookup, arrays mapped. */
export function selectPath(doc: Document, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(doc, path)) return doc[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  for (let i = dot; i >= 0; i = path.indexOf('.', i + 1)) {
    const head = path.slice(0, i);
    if (!Object.prototype.hasOwnProperty.call(doc, head)) continue;
    const child = doc[head];
    const rest = path.slice(i + 1);
    if (child && typeof child === 'object' && !Array.isArray(child)) {
      const v = selectPath(child as Document, rest);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}
