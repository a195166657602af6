/** Growable byte writer and a reader for LEB128 varints, float64s and UTF-8 strings. */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  private ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  /** Unsigned LEB128 varint for 0 ≤ n < 2^53. */
  varint(n: number): void {
    this.ensure(8);
    while (n >= 0x80) {
      this.buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.length++] = n;
  }

  float64(x: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, x, true);
    this.length += 8;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Length-prefixed UTF-8 string. */
  string(s: string): void {
    const b = encoder.encode(s);
    this.varint(b.length);
    this.bytes(b);
  }

  /** Sorted unique uint32 list: count then deltas. */
  sortedIds(ids: ArrayLike<number>): void {
    this.varint(ids.length);
    let prev = 0;
    for (let i = 0; i < ids.length; i++) {
      const v = ids[i];
      this.varint(i === 0 ? v : v - prev);
      prev = v;
    }
  }

  /** A copy of the written bytes, exactly sized. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new RangeError('Unexpected end of data');
    return this.buf[this.pos++];
  }

  varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++];
    if (b < 0x80) return b;
    let result = b & 0x7f;
    let mul = 0x80;
    for (;;) {
      if (this.pos >= buf.length) throw new RangeError('Unexpected end of data');
      b = buf[this.pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
    }
  }

  float64(): number {
    const x = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return x;
  }

  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new RangeError('Unexpected end of data');
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  string(): string {
    return decoder.decode(this.bytes(this.varint()));
  }

  sortedIds(): Uint32Array {
    const n = this.varint();
    const out = new Uint32Array(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      prev = i === 0 ? this.varint() : prev + this.varint();
      out[i] = prev;
    }
    return out;
  }

  /** Skips a `sortedIds` list without materializing it. */
  skipSortedIds(): void {
    const n = this.varint();
    for (let i = 0; i < n; i++) this.varint();
  }
}

/** Encodes a sorted id list alone (tombstones, segment doc lists). */
export function encodeIds(ids: ArrayLike<number>): Uint8Array {
  const w = new ByteWriter(ids.length + 8);
  w.sortedIds(ids);
  return w.finish();
}

export function decodeIds(bytes: Uint8Array | undefined): Uint32Array {
  return bytes ? new ByteReader(bytes).sortedIds() : new Uint32Array(0);
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Compares strings by UTF-8 byte order (= code point order), as Meilisearch's LMDB keys are ordered. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // Surrogates (0xD800–0xDFFF) encode code points above 0xFFFF: they sort after 0xE000–0xFFFF.
    const sa = ca >= 0xd800 && ca <= 0xdfff;
    const sb = cb >= 0xd800 && cb <= 0xdfff;
    if (sa !== sb) return sa ? 1 : -1;
    return ca - cb;
  }
  return a.length - b.length;
}
