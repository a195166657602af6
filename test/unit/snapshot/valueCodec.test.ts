import { describe, expect, test } from 'vitest';
import { ByteWriter } from '../../../src/backup/snapshot/byteWriter.ts';
import { crc32, crc32Update } from '../../../src/backup/snapshot/crc32.ts';
import { SnapshotError } from '../../../src/backup/snapshot/snapshotError.ts';
import { valueChecksum } from '../../../src/backup/snapshot/storeChecksum.ts';
import { ValueDecoder, ValueEncoder } from '../../../src/backup/snapshot/valueCodec.ts';
import type { StoreKey } from '../../../src/engine/storage/store.ts';
import { awkwardValue, rng } from './fixtureDb.ts';

function encode(...values: unknown[]): Uint8Array {
  const w = new ByteWriter(16);
  const enc = new ValueEncoder(w);
  for (const v of values) enc.value(v);
  return w.copy();
}

function roundTrip<T>(...values: T[]): T[] {
  const bytes = encode(...values);
  const dec = new ValueDecoder(bytes);
  const out = values.map(() => dec.value() as T);
  expect(dec.pos).toBe(bytes.length);
  return out;
}

describe('crc32', () => {
  test('matches the standard check value and is incremental', () => {
    const b = new TextEncoder().encode('123456789');
    expect(crc32(b)).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    for (let cut = 0; cut <= b.length; cut++) expect(crc32Update(crc32(b, 0, cut), b, cut)).toBe(0xcbf43926);
    const big = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
    let bitwise = 0xffffffff;
    for (const x of big) {
      bitwise ^= x;
      for (let k = 0; k < 8; k++) bitwise = bitwise & 1 ? 0xedb88320 ^ (bitwise >>> 1) : bitwise >>> 1;
    }
    expect(crc32(big)).toBe(~bitwise >>> 0);
  });
});

describe('value codec', () => {
  test('keeps awkward values exactly', () => {
    const v = awkwardValue();
    const [out] = roundTrip(v);
    expect(out).toStrictEqual(structuredClone(v)); // what IndexedDB would hand back
    expect(valueChecksum(out)).toBe(valueChecksum(v));
    const o = out as Record<string, unknown>;
    expect(Object.is(o.negZero, -0)).toBe(true);
    expect(Number.isNaN(o.nan)).toBe(true);
    expect(Object.keys(o)).toEqual(Object.keys(v)); // property order, `und` included
    expect('und' in o).toBe(true);
    const holes = o.holes as unknown[];
    expect(holes.length).toBe(7);
    expect(1 in holes).toBe(false);
    expect(5 in holes).toBe(false);
    expect(o.lone).toBe('a\ud800b');
    expect(Object.getPrototypeOf(o.protoKey)).toBe(Object.prototype);
    expect(Object.keys(o.protoKey as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(o.nullProto)).toBe(Object.prototype); // as structured clone does
    expect((o.date as Date).getTime()).toBe(1700000000123);
    const view = o.view as Uint8Array;
    expect([...view]).toEqual([1, 2, 3]);
    expect(view.byteOffset).toBe(0);
    expect(o.i16).toBeInstanceOf(Int16Array);
    expect(o.i64).toBeInstanceOf(BigInt64Array);
    expect(o.clamped).toBeInstanceOf(Uint8ClampedArray);
    expect(Object.is((o.f32 as Float32Array)[1], -0)).toBe(true);
    expect(o.ab).toBeInstanceOf(ArrayBuffer);
    expect(o.dv).toBeInstanceOf(DataView);
    expect([...new Uint8Array((o.dv as DataView).buffer)]).toEqual([7, 8]);
  });

  test('numbers at every encoding boundary', () => {
    const nums = [0, 1, 127, 128, 255, 16383, 16384, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 52, 2 ** 53 - 1, 2 ** 53, 2 ** 64, 1e21];
    const all = [...nums, ...nums.map((n) => -n), -0, 0.5, -1.25, NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON];
    const out = roundTrip(...all);
    out.forEach((x, i) => expect(Object.is(x, all[i]), `${all[i]}`).toBe(true));
    expect(encode(5).length).toBe(1);
    expect(encode(1000).length).toBe(3);
  });

  test('strings of every kind and length, also as property names', () => {
    const rand = rng(7);
    const alphabet = ['a', 'Z', ' ', 'é', 'ß', '中', '語', '😀', '\ud800', '\udfff', '\u0000', '\uffff', '\u0080', '\u07ff', '\u0800'];
    const strings: string[] = [];
    for (let len = 0; len < 140; len++) {
      for (let rep = 0; rep < 3; rep++) strings.push(Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    }
    strings.push('x'.repeat(100_000), '😀'.repeat(10_000), 'é'.repeat(31), 'é'.repeat(32), 'a'.repeat(93), '中'.repeat(31));
    expect(roundTrip(...strings)).toEqual(strings);
    const obj = Object.fromEntries(strings.map((s, i) => [s, i]));
    const [back] = roundTrip(obj, obj); // second copy uses back-references
    expect(Object.keys(back)).toEqual(Object.keys(obj));
    expect(back).toStrictEqual(obj);
  });

  test('interns property names: repeated names cost one byte', () => {
    const doc = { title: 'x', overview: 'y', release_date: 1 };
    const one = encode(doc).length;
    const two = encode(doc, doc).length;
    expect(two - one).toBeLessThan(one);
    expect(two - one).toBe(1 + 1 + 3 * 1 + 3 + 3 + 1); // tag, count, 3 one-byte refs, 'x' and 'y' (tag, length, byte), 1
  });

  test('Map and Set round trip with their entries in insertion order (the engine stores id buckets as Maps)', () => {
    const ids = new Map<string, number>([['b', 2], ['a', 1], ['z9', 70000]]);
    const nested = { bucket: new Map<unknown, unknown>([[1, new Set(['x', 'y'])], ['k', [new Map()]]]) };
    const [m, n] = roundTrip<unknown>(ids, nested) as [Map<string, number>, typeof nested];
    expect(m).toBeInstanceOf(Map);
    expect([...m]).toEqual([...ids]);
    expect(n).toEqual(nested);
    expect([...(n.bucket.get(1) as Set<string>)]).toEqual(['x', 'y']);
  });

  test('refuses values it cannot keep exactly, with a coded error', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cyclicArr: unknown[] = [];
    cyclicArr.push(cyclicArr);
    class Thing {
      x = 1;
    }
    const bad: unknown[] = [/re/, () => 1, Symbol('s'), 10n, new Thing(), new Error('e'), cyclic, cyclicArr, new Blob([]), { nested: [/x/] }, new Map([['a', 10n]])];
    for (const v of bad) {
      let err: unknown;
      try {
        encode(v);
      } catch (e) {
        err = e;
      }
      expect(err, String(typeof v)).toBeInstanceOf(SnapshotError);
      expect((err as SnapshotError).reason).toBe('unsupported_value');
      expect((err as SnapshotError).code).toBe('internal');
    }
  });

  test('keys round trip and non-keys are refused when decoding a key', () => {
    const keys: StoreKey[] = [0, -1.5, 2 ** 40, '', 'abc', 'é😀', [], [1, 'a', [2, ['x']]], ['\ud800']];
    const w = new ByteWriter();
    const enc = new ValueEncoder(w);
    for (const k of keys) enc.key(k);
    const dec = new ValueDecoder(w.copy());
    expect(keys.map(() => dec.key())).toEqual(keys);
    expect(() => new ValueDecoder(encode({ a: 1 })).key()).toThrow(SnapshotError);
    expect(() => new ValueDecoder(encode(NaN)).key()).toThrow(SnapshotError);
  });

  test('decoding garbage or cut values throws only SnapshotError', () => {
    const rand = rng(3);
    const sample = encode(awkwardValue(), { a: [1, 'two', Uint8Array.of(3)] });
    for (let cut = 0; cut < sample.length; cut += 7) {
      const d = new ValueDecoder(sample.subarray(0, cut));
      expect(() => {
        d.value();
        d.value();
      }).toThrow(SnapshotError);
    }
    for (let i = 0; i < 3000; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 256));
      try {
        new ValueDecoder(bytes).value();
      } catch (e) {
        expect(e).toBeInstanceOf(SnapshotError);
      }
    }
  });
});
