/**
 * Tags of the exact, compact tagged binary encoding of stored records (spec: docs/snapshot-format.md, "Values").
 *
 * Supported: `undefined`, `null`, booleans, every number (integers as varints; -0, NaN, ±Infinity and
 * fractions as float64), strings (UTF-8, or UTF-16 code units when they hold lone surrogates), arrays (holes kept),
 * plain objects (own enumerable string keys, in order; property names interned per frame), `Date`,
 * `Uint8Array` and the other typed arrays, `DataView`, `ArrayBuffer`, `Map` and `Set` (entries in insertion order;
 * the engine keeps its external id buckets in `Map`s). Anything else is refused at write time
 * with a `SnapshotError` (`unsupported_value`). Views are copied by content (byteOffset becomes 0).
 */

/** Value tags (first byte of every encoded value). */
export const Tag = {
  Undefined: 0x00,
  Null: 0x01,
  False: 0x02,
  True: 0x03,
  PosInt: 0x04,
  NegInt: 0x05,
  Float64: 0x06,
  String: 0x07,
  String16: 0x08,
  Array: 0x09,
  Object: 0x0a,
  Hole: 0x0b,
  Date: 0x0c,
  Bytes: 0x0d,
  TypedArray: 0x0e,
  ArrayBuffer: 0x0f,
  /** varint n, n × (key value, value): a `Map`, entries in insertion order. */
  Map: 0x10,
  /** varint n, n × value: a `Set`, in insertion order. */
  Set: 0x11,
  /** 0x80 | n encodes the integer n in [0, 127]. */
  SmallInt: 0x80,
} as const;

/** Maximum nesting of arrays and objects; deeper (or cyclic) values are refused. */
export const MAX_DEPTH = 512;

/** A typed-array or DataView constructor. */
export type ViewCtor = new (buffer: ArrayBuffer) => ArrayBufferView;
/** Typed-array kinds after the TypedArray tag (Uint8Array has its own tag). Index = kind byte. */
export const VIEW_KINDS: readonly [string, ViewCtor, number][] = [
  ['Int8Array', Int8Array, 1],
  ['Uint8ClampedArray', Uint8ClampedArray, 1],
  ['Int16Array', Int16Array, 2],
  ['Uint16Array', Uint16Array, 2],
  ['Int32Array', Int32Array, 4],
  ['Uint32Array', Uint32Array, 4],
  ['Float32Array', Float32Array, 4],
  ['Float64Array', Float64Array, 8],
  ['BigInt64Array', BigInt64Array, 8],
  ['BigUint64Array', BigUint64Array, 8],
  ['DataView', DataView, 1],
];
export const VIEW_KIND_BY_NAME = new Map(VIEW_KINDS.map(([name], i) => [name, i]));
