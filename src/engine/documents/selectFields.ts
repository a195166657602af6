import type { Document } from '../types/indexes.ts';

function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does a selector `s` select the key at `path`, or something below it? */
function selects(s: string, path: string): 'all' | 'partial' | 'none' {
  if (s === path || path.startsWith(s + '.')) return 'all';
  if (s.startsWith(path + '.')) return 'partial';
  return 'none';
}

function selectIn(value: unknown, path: string, selectors: readonly string[]): unknown {
  if (Array.isArray(value)) {
    const out = value.map((v) => (isObject(v) || Array.isArray(v) ? selectIn(v, path, selectors) : undefined)).filter((v) => v !== undefined);
    return out;
  }
  if (!isObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = `${path}.${k}`;
    const m = selectorsMatch(selectors, p);
    if (m === 'all') setOwn(out, k, v);
    else if (m === 'partial') {
      const sub = selectIn(v, p, selectors);
      if (sub !== undefined && !(Array.isArray(sub) && sub.length === 0 && !Array.isArray(v))) setOwn(out, k, sub);
    }
  }
  return out;
}

function selectorsMatch(selectors: readonly string[], path: string): 'all' | 'partial' | 'none' {
  let partial = false;
  for (const s of selectors) {
    const m = selects(s, path);
    if (m === 'all') return 'all';
    if (m === 'partial') partial = true;
  }
  return partial ? 'partial' : 'none';
}

/**
 * Keeps the attributes named by `selectors` (dotted paths select nested values, like Meilisearch's
 * permissive JSON pointer), with top-level keys ordered by `order` (the index's field ids). `null` = all.
 */
export function selectFields(doc: Document, selectors: readonly string[] | null, order?: (key: string) => number): Document {
  let keys = Object.keys(doc);
  if (order) keys = keys.sort((a, b) => order(a) - order(b));
  const out: Document = {};
  for (const k of keys) {
    if (selectors === null) {
      setOwn(out, k, doc[k]);
      continue;
    }
    const m = selectorsMatch(selectors, k);
    if (m === 'all') setOwn(out, k, doc[k]);
    else if (m === 'partial') {
      const sub = selectIn(doc[k], k, selectors);
      if (sub !== undefined && (isObject(doc[k]) || Array.isArray(doc[k]))) setOwn(out, k, sub);
    }
  }
  return out;
}
