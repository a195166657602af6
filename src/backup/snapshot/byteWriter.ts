/**
 * A growable little-endian byte buffer with LEB128 varints, used by the snapshot encoder.
 * One writer is reused for every frame of a snapshot; {@link ByteWriter.copy} hands out owned copies.
 *
 * @example
 * ```ts
 * const w = new ByteWriter();
 * w.varint(300);
 * w.u32(0xdeadbeef);
 * const bytes = w.copy(); // 6 bytes
 * ```
 */
export class ByteWriter {
  buf: Uint8Array;
  private view: DataView;
  pos = 0;

  constructor(initialCapacity = 64 * 1024) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.pos, v, true);
    this.pos += 2;
  }

  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v, true);
    this.pos += 4;
  }

  /** Writes a u32 at an earlier position (for lengths known after the fact). */
  u32At(at: number, v: number): void {
    this.view.setUint32(at, v, true);
  }

  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  /** Unsigned LEB128 of an integer in [0, 2^53). */
  varint(n: number): void {
    this.ensure(8);
    const b = this.buf;
    let p = this.pos;
    if (n < 0x80) {
      b[p++] = n;
    } else {
      while (n >= 0x80000000) {
        b[p++] = (n % 0x80) | 0x80;
        n = Math.floor(n / 0x80);
      }
      while (n >= 0x80) {
        b[p++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      b[p++] = n;
    }
    this.pos = p;
  }

  bytes(src: Uint8Array): void {
    this.ensure(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  /** An owned copy of `[start, end)`. */
  copy(start = 0, end = this.pos): Uint8Array {
    return this.buf.slice(start, end);
  }

  reset(): void {
    this.pos = 0;
  }
}

/**
 * Number of bytes of the LEB128 varint of `n`.
 *
 * @example
 * ```ts
 * varintSize(127); // 1
 * varintSize(128); // 2
 * ```
 */
export function varintSize(n: number): number {
  let s = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    s++;
  }
  return s;
}
