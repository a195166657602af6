/**
 * Exact, compact tagged binary encoding of stored records (spec: docs/snapshot-format.md, "Values").
 *
 * Supported: `undefined`, `null`, booleans, every number (integers as varints; -0, NaN, ±Infinity and
 * fractions as float64), strings (UTF-8, or UTF-16 code units when they hold lone surrogates), arrays (holes kept),
 * plain objects (own enumerable string keys, in order; property names interned per frame), `Date`,
 * `Uint8Array` and the other typed arrays, `DataView`, `ArrayBuffer`. Anything else is refused at write time
 * with a `SnapshotError` (`unsupported_value`). Views are copied by content (byteOffset becomes 0).
 */

export { Tag, MAX_DEPTH } from './valueTags.ts';
export { ValueEncoder } from './valueEncoder.ts';
export { ValueDecoder } from './valueDecoder.ts';
