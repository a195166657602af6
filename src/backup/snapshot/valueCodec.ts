/**
 * Exact, compact tagged binary encoding of stored records (spec: docs/snapshot-format.md, "Values").
 *
 * Supported: `undefined`, `null`, booleans, every number (integers as varints; -0, NaN, ±Infinity and
 * fractions as float64), strings (UTF-8, or UTF-16 code units when they hold lone surrogates), arrays (holes kept),
 * plain objects (own enumerable string keys, in order; property names interned per block), `Date`,
 * `Uint8Array` and the other typed arrays, `DataView`, `ArrayBuffer`. Anything else is refused at write time
 * with a `SnapshotError` (`unsupported_value`). Views are copied by content (byteOffset becomes 0).
 */
import { ByteWriter } from './byteWriter.ts';
import { SnapshotError } from './snapshotError.ts';
import { isValidKey, type StoreKey } from '../../engine/storage/store.ts';

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
  /** 0x80 | n encodes the integer n in [0, 127]. */
  SmallInt: 0x80,
} as const;

/** Maximum nesting of arrays and objects; deeper (or cyclic) values are refused. */
export const MAX_DEPTH = 512;

type ViewCtor = new (buffer: ArrayBuffer) => ArrayBufferView;
/** Typed-array kinds after the TypedArray tag (Uint8Array has its own tag). Index = kind byte. */
const VIEW_KINDS: readonly [string, ViewCtor, number][] = [
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
const VIEW_KIND_BY_NAME = new Map(VIEW_KINDS.map(([name], i) => [name, i]));

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isWellFormed(s: string): boolean {
  const f = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return f ? f.call(s) : !LONE_SURROGATE.test(s);
}

function typeName(v: unknown): string {
  if (v === null || typeof v !== 'object') return typeof v;
  return Object.prototype.toString.call(v).slice(8, -1);
}

/**
 * Encodes keys and values into a {@link ByteWriter}. Property names are interned: the first occurrence is
 * written in full, later ones as a back-reference, until {@link ValueEncoder.resetNames} (called per block).
 */
export class ValueEncoder {
  private names = new Map<string, number>();

  constructor(readonly out: ByteWriter) {}

  resetNames(): void {
    this.names.clear();
  }

  key(key: StoreKey): void {
    this.value(key, 0);
  }

  /** Encodes `v`; throws `SnapshotError('unsupported_value')` for values it cannot encode exactly. */
  value(v: unknown, depth = 0): void {
    const out = this.out;
    switch (typeof v) {
      case 'number':
        return this.number(v);
      case 'string':
        return this.string(v, Tag.String, Tag.String16);
      case 'boolean':
        return out.u8(v ? Tag.True : Tag.False);
      case 'undefined':
        return out.u8(Tag.Undefined);
      case 'object':
        break;
      default:
        throw new SnapshotError('unsupported_value', `A stored value of type \`${typeof v}\` cannot be snapshotted.`);
    }
    if (v === null) return out.u8(Tag.Null);
    if (depth >= MAX_DEPTH) {
      throw new SnapshotError('unsupported_value', `A stored value is nested deeper than ${MAX_DEPTH} levels (or is cyclic).`);
    }
    if (Array.isArray(v)) {
      const n = v.length;
      out.u8(Tag.Array);
      out.varint(n);
      for (let i = 0; i < n; i++) {
        const x: unknown = v[i];
        if (x === undefined && !(i in v)) out.u8(Tag.Hole);
        else this.value(x, depth + 1);
      }
      return;
    }
    if (v instanceof Uint8Array) return this.bytes(Tag.Bytes, v);
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) return this.object(v as Record<string, unknown>, depth);
    const name = typeName(v);
    if (name === 'Object' && typeof proto === 'object' && Object.getPrototypeOf(proto) === null) {
      return this.object(v as Record<string, unknown>, depth); // a plain object from another realm
    }
    if (name === 'Date') {
      out.u8(Tag.Date);
      return out.f64((v as Date).getTime());
    }
    if (name === 'Uint8Array') return this.bytes(Tag.Bytes, v as Uint8Array);
    if (name === 'ArrayBuffer') return this.bytes(Tag.ArrayBuffer, new Uint8Array(v as ArrayBuffer));
    const kind = VIEW_KIND_BY_NAME.get(name);
    if (kind !== undefined && ArrayBuffer.isView(v)) {
      out.u8(Tag.TypedArray);
      out.u8(kind);
      return this.bytes(-1, new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    }
    throw new SnapshotError('unsupported_value', `A stored value of type \`${name}\` cannot be snapshotted.`);
  }

  private number(v: number): void {
    const out = this.out;
    if (Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) {
      if (v >= 0 && v < 0x80) return out.u8(Tag.SmallInt | v);
      out.u8(v >= 0 ? Tag.PosInt : Tag.NegInt);
      return out.varint(Math.abs(v));
    }
    out.u8(Tag.Float64);
    out.f64(v);
  }

  /** `tag < 0`: no tag byte (used for bare lengths + bytes). */
  private bytes(tag: number, b: Uint8Array): void {
    if (tag >= 0) this.out.u8(tag);
    this.out.varint(b.length);
    this.out.bytes(b);
  }

  private object(o: Record<string, unknown>, depth: number): void {
    const out = this.out;
    const keys = Object.keys(o);
    out.u8(Tag.Object);
    out.varint(keys.length);
    for (const k of keys) {
      const ref = this.names.get(k);
      if (ref !== undefined) out.varint(ref * 4 + 1);
      else {
        this.names.set(k, this.names.size);
        this.string(k, -1, -2);
      }
      this.value(o[k], depth + 1);
    }
  }

  /**
   * Strings. With tags ≥ 0: tag, varint byte length, UTF-8 (or tag16, varint unit count, UTF-16LE).
   * With tags < 0 (property names): varint `len*4` + UTF-8 or `units*4 + 2` + UTF-16LE.
   */
  private string(s: string, tag: number, tag16: number): void {
    const out = this.out;
    const n = s.length;
    const named = tag < 0;
    if (n <= 31) {
      // Short: hand-rolled UTF-8; worst case 3 bytes per unit keeps the length prefix in one byte.
      out.ensure(2 + 3 * n);
      const b = out.buf;
      const start = out.pos;
      let p = start + (named ? 1 : 2);
      for (let i = 0; i < n; i++) {
        let c = s.charCodeAt(i);
        if (c < 0x80) b[p++] = c;
        else if (c < 0x800) {
          b[p++] = 0xc0 | (c >> 6);
          b[p++] = 0x80 | (c & 0x3f);
        } else if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return this.string16(s, tag16, named);
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          b[p++] = 0xf0 | (c >> 18);
          b[p++] = 0x80 | ((c >> 12) & 0x3f);
          b[p++] = 0x80 | ((c >> 6) & 0x3f);
          b[p++] = 0x80 | (c & 0x3f);
        } else {
          b[p++] = 0xe0 | (c >> 12);
          b[p++] = 0x80 | ((c >> 6) & 0x3f);
          b[p++] = 0x80 | (c & 0x3f);
        }
      }
      const len = p - start - (named ? 1 : 2);
      if (!named) {
        b[start] = tag;
        b[start + 1] = len; // ≤ 93 bytes: a one-byte varint
      } else if (len * 4 < 0x80) b[start] = len * 4;
      else {
        // A two-byte prefix (len*4 ≤ 372): shift the bytes right by one, into the spare byte reserved above.
        b.copyWithin(start + 2, start + 1, p);
        b[start] = ((len * 4) & 0x7f) | 0x80;
        b[start + 1] = (len * 4) >>> 7;
        p++;
      }
      out.pos = p;
      return;
    }
    if (!isWellFormed(s)) return this.string16(s, tag16, named);
    // Long: encode after a 5-byte gap, then write the real prefix and close the gap.
    const max = 3 * n;
    out.ensure(6 + max);
    if (!named) out.buf[out.pos++] = tag;
    const lenAt = out.pos;
    const { written } = utf8.encodeInto(s, out.buf.subarray(lenAt + 5, lenAt + 5 + max));
    out.varint(named ? written * 4 : written);
    const gap = lenAt + 5 - out.pos;
    if (gap > 0) out.buf.copyWithin(out.pos, lenAt + 5, lenAt + 5 + written);
    out.pos += written;
  }

  private string16(s: string, tag16: number, named: boolean): void {
    const out = this.out;
    const n = s.length;
    if (named) out.varint(n * 4 + 2);
    else {
      out.u8(tag16);
      out.varint(n);
    }
    out.ensure(2 * n);
    const b = out.buf;
    let p = out.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      b[p++] = c & 0xff;
      b[p++] = c >> 8;
    }
    out.pos = p;
  }
}

function corrupt(what: string): SnapshotError {
  return new SnapshotError('corrupt', `The snapshot is corrupted: ${what}.`);
}

/** Decodes what {@link ValueEncoder} wrote. Any inconsistency throws `SnapshotError('corrupt')`. */
export class ValueDecoder {
  pos: number;
  private names: string[] = [];
  private readonly view: DataView;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  resetNames(): void {
    this.names = [];
  }

  key(): StoreKey {
    const k = this.value(0);
    if (!isValidKey(k)) throw corrupt('a record key is not a valid key');
    return k;
  }

  varint(): number {
    const b = this.buf;
    let n = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.end) throw corrupt('a number runs past the end of its frame');
      const x = b[this.pos++];
      n += (x & 0x7f) * mul;
      if (x < 0x80) return n;
      mul *= 0x80;
      if (mul > 2 ** 56) throw corrupt('a varint is too long');
    }
  }

  /** A varint that counts bytes/items that must still fit in the frame (`unit` bytes each at least). */
  private length(unit: number): number {
    const n = this.varint();
    if (n * unit > this.end - this.pos) throw corrupt('a length runs past the end of its frame');
    return n;
  }

  private take(n: number): Uint8Array {
    const s = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  value(depth = 0): unknown {
    if (this.pos >= this.end) throw corrupt('a value runs past the end of its frame');
    const tag = this.buf[this.pos++];
    if (tag >= Tag.SmallInt) return tag & 0x7f;
    switch (tag) {
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.PosInt:
        return this.varint();
      case Tag.NegInt:
        return -this.varint();
      case Tag.Float64:
      case Tag.Date: {
        if (this.pos + 8 > this.end) throw corrupt('a number runs past the end of its frame');
        const f = this.view.getFloat64(this.pos, true);
        this.pos += 8;
        return tag === Tag.Date ? new Date(f) : f;
      }
      case Tag.String:
        return this.utf8(this.length(1));
      case Tag.String16:
        return this.utf16(this.length(2));
      case Tag.Array: {
        if (depth >= MAX_DEPTH) throw corrupt('values are nested too deeply');
        const n = this.length(1);
        const a: unknown[] = new Array<unknown>(n);
        for (let i = 0; i < n; i++) {
          if (this.pos < this.end && this.buf[this.pos] === Tag.Hole) this.pos++;
          else a[i] = this.value(depth + 1);
        }
        return a;
      }
      case Tag.Object:
        return this.object(depth);
      case Tag.Bytes:
        return this.take(this.length(1)).slice();
      case Tag.ArrayBuffer:
        return this.take(this.length(1)).slice().buffer;
      case Tag.TypedArray: {
        const kind = VIEW_KINDS[this.buf[this.pos++]];
        if (!kind || this.pos > this.end) throw corrupt('unknown typed array kind');
        const n = this.length(1);
        if (n % kind[2] !== 0) throw corrupt('typed array length is not a multiple of its element size');
        return new kind[1](this.take(n).slice().buffer);
      }
      default:
        throw corrupt(`unknown value tag 0x${tag.toString(16)}`);
    }
  }

  private object(depth: number): Record<string, unknown> {
    if (depth >= MAX_DEPTH) throw corrupt('values are nested too deeply');
    const n = this.length(2);
    const o: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const h = this.varint();
      let k: string;
      if ((h & 3) === 1) {
        k = this.names[(h - 1) / 4];
        if (k === undefined) throw corrupt('a property name refers to an unknown name');
      } else {
        const len = Math.floor(h / 4);
        if ((h & 3) === 0) {
          if (len > this.end - this.pos) throw corrupt('a property name runs past the end of its frame');
          k = this.utf8(len);
        } else if ((h & 3) === 2) {
          if (2 * len > this.end - this.pos) throw corrupt('a property name runs past the end of its frame');
          k = this.utf16(len);
        } else throw corrupt('bad property name header');
        this.names.push(k);
      }
      const v = this.value(depth + 1);
      if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      else o[k] = v;
    }
    return o;
  }

  private utf8(len: number): string {
    const b = this.buf;
    const start = this.pos;
    const end = start + len;
    if (len <= 24) {
      let s = '';
      let i = start;
      for (; i < end; i++) {
        const c = b[i];
        if (c >= 0x80) break;
        s += String.fromCharCode(c);
      }
      if (i === end) {
        this.pos = end;
        return s;
      }
    }
    this.pos = end;
    try {
      return utf8Decoder.decode(b.subarray(start, end));
    } catch {
      throw corrupt('a string is not valid UTF-8');
    }
  }

  private utf16(units: number): string {
    const b = this.buf;
    let s = '';
    for (let i = 0; i < units; i++) s += String.fromCharCode(b[this.pos + 2 * i] | (b[this.pos + 2 * i + 1] << 8));
    this.pos += 2 * units;
    return s;
  }
}
