/**
 * The allocated internal document ids of an index, as a growable bitset (persisted as its bytes).
 * New documents take the lowest free id (ids of deleted documents are reused), like Meilisearch.
 */
import type { DocSet } from '../storage/docSet.ts';

export class DocIdSet {
  private bits: Uint8Array;
  private count = 0;
  /** no free id below this one */
  private firstFree = 0;

  constructor(bytes?: Uint8Array) {
    this.bits = bytes ? bytes.slice() : new Uint8Array(64);
    for (let i = 0; i < this.bits.length; i++) this.count += popcount8(this.bits[i]);
  }

  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    const byte = id >>> 3;
    return byte < this.bits.length && (this.bits[byte] & (1 << (id & 7))) !== 0;
  }

  add(id: number): void {
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      const next = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      next.set(this.bits);
      this.bits = next;
    }
    if ((this.bits[byte] & (1 << (id & 7))) === 0) {
      this.bits[byte] |= 1 << (id & 7);
      this.count++;
    }
  }

  delete(id: number): void {
    const byte = id >>> 3;
    if (byte < this.bits.length && (this.bits[byte] & (1 << (id & 7))) !== 0) {
      this.bits[byte] &= ~(1 << (id & 7));
      this.count--;
      if (id < this.firstFree) this.firstFree = id;
    }
  }

  /** Allocates and returns the lowest free id. */
  allocate(): number {
    let id = this.firstFree;
    while (this.has(id)) id++;
    this.add(id);
    this.firstFree = id + 1;
    return id;
  }

  clear(): void {
    this.bits = new Uint8Array(64);
    this.count = 0;
    this.firstFree = 0;
  }

  /** Bytes to persist (trailing zero bytes trimmed). */
  toBytes(): Uint8Array {
    let end = this.bits.length;
    while (end > 0 && this.bits[end - 1] === 0) end--;
    return this.bits.slice(0, end);
  }

  toDocSet(): DocSet {
    return bitsToDocSet(this.bits, this.count);
  }
}

export function bitsToDocSet(bits: Uint8Array | undefined, count?: number): DocSet {
  if (!bits) return new Uint32Array(0);
  if (count === undefined) {
    count = 0;
    for (let i = 0; i < bits.length; i++) count += popcount8(bits[i]);
  }
  const out = new Uint32Array(count);
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let b = bits[i];
    while (b !== 0) {
      const t = b & -b;
      out[n++] = i * 8 + (31 - Math.clz32(t));
      b ^= t;
    }
  }
  return out;
}

function popcount8(b: number): number {
  b = b - ((b >> 1) & 0x55);
  b = (b & 0x33) + ((b >> 2) & 0x33);
  return (b + (b >> 4)) & 0x0f;
}
