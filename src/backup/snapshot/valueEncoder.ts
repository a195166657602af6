/** Encoder of the snapshot value encoding (see valueTags.ts and docs/snapshot-format.md, "Values"). */
import type { ByteWriter } from './byteWriter.ts';
import { SnapshotError } from './snapshotError.ts';
import { MAX_DEPTH, Tag, VIEW_KIND_BY_NAME } from './valueTags.ts';
import type { StoreKey } from '../../engine/storage/store.ts';

const utf8 = new TextEncoder();
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
 * written in full, later ones as a back-reference, until {@link ValueEncoder.resetNames} (called per frame).
 *
 * @example
 * ```ts
 * const w = new ByteWriter();
 * const enc = new ValueEncoder(w);
 * enc.key([1, 'doc-1']);
 * enc.value({ title: 'Amélie', scores: Uint8Array.of(1, 2) });
 * const dec = new ValueDecoder(w.copy());
 * dec.key(); // [1, 'doc-1']
 * dec.value(); // { title: 'Amélie', scores: Uint8Array [1, 2] }
 * ```
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
    if (v instanceof Map) {
      out.u8(Tag.Map);
      out.varint(v.size);
      for (const [k, x] of v) {
        this.value(k, depth + 1);
        this.value(x, depth + 1);
      }
      return;
    }
    if (v instanceof Set) {
      out.u8(Tag.Set);
      out.varint(v.size);
      for (const x of v) this.value(x, depth + 1);
      return;
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

