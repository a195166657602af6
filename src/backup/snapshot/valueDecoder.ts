/** Decoder of the snapshot value encoding (see valueTags.ts and docs/snapshot-format.md, "Values"). */
import { SnapshotError } from './snapshotError.ts';
import { MAX_DEPTH, Tag, VIEW_KINDS } from './valueTags.ts';
import { isValidKey, type StoreKey } from '../../engine/storage/store.ts';

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function corrupt(what: string): SnapshotError {
  return new SnapshotError('corrupt', `The snapshot is corrupted: ${what}.`);
}

/**
 * Decodes what {@link ValueEncoder} wrote (with the same {@link ValueDecoder.resetNames} points).
 * Any inconsistency throws `SnapshotError('corrupt')`; no other error escapes, whatever the bytes.
 * See {@link ValueEncoder} for an example.
 */
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
      case Tag.Map: {
        if (depth >= MAX_DEPTH) throw corrupt('values are nested too deeply');
        const n = this.length(2);
        const m = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const k = this.value(depth + 1);
          m.set(k, this.value(depth + 1));
        }
        if (m.size !== n) throw corrupt('a map has duplicate keys');
        return m;
      }
      case Tag.Set: {
        if (depth >= MAX_DEPTH) throw corrupt('values are nested too deeply');
        const n = this.length(1);
        const set = new Set<unknown>();
        for (let i = 0; i < n; i++) set.add(this.value(depth + 1));
        if (set.size !== n) throw corrupt('a set has duplicate values');
        return set;
      }
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
