/**
 * Checks on parsed JSON, so that a dump with the wrong shapes fails with a message that says where.
 */
import { DumpError } from './dumpError.ts';

/** A JSON object as parsed. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A {@link DumpError} `invalid_content` about `where`. */
export function shapeError(where: string, what: string): DumpError {
  return new DumpError('invalid_content', `${where}: ${what}.`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} \`${JSON.stringify(v)?.slice(0, 60)}\``;
}

/** `v` as an object, or throws. */
export function expectObject(v: unknown, where: string): JsonObject {
  if (!isObject(v)) throw shapeError(where, `expected a JSON object, found ${describe(v)}`);
  return v;
}

/** `o[key]` as a string, or throws. */
export function expectString(o: JsonObject, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw shapeError(where, `\`${key}\` must be a string, found ${describe(v)}`);
  return v;
}

/** `o[key]` as a string or null (absent = null), or throws. */
export function optString(o: JsonObject, key: string, where: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw shapeError(where, `\`${key}\` must be a string or null, found ${describe(v)}`);
  return v;
}

/** `o[key]` as a non-negative integer, or throws. */
export function expectUint(o: JsonObject, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw shapeError(where, `\`${key}\` must be a non-negative integer, found ${describe(v)}`);
  }
  return v;
}

/** `o[key]` as a non-negative integer or null (absent = null), or throws. */
export function optUint(o: JsonObject, key: string, where: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  return expectUint(o, key, where);
}

/** `o[key]` as a boolean (absent = `fallback`), or throws. */
export function optBool(o: JsonObject, key: string, where: string, fallback: boolean): boolean {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw shapeError(where, `\`${key}\` must be a boolean, found ${describe(v)}`);
  return v;
}

/** `o[key]` as an array of strings, or throws. */
export function expectStrings(o: JsonObject, key: string, where: string): string[] {
  const v = o[key];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw shapeError(where, `\`${key}\` must be an array of strings, found ${describe(v)}`);
  }
  return v as string[];
}

/** The single `[tag, content]` of an externally tagged enum value (`"unit"` or `{"tag": content}`). */
export function enumTag(v: unknown, where: string): [string, unknown] {
  if (typeof v === 'string') return [v, null];
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1) return [keys[0], v[keys[0]]];
  }
  throw shapeError(where, `expected a tagged value (a string or an object with one key), found ${describe(v)}`);
}

/** `snake_case` → `camelCase`. */
export function camelCase(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `camelCase` → `snake_case`. */
export function snakeCase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
