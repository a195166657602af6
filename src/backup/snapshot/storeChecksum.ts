/**
 * Exact, record-for-record checksums and comparisons of whole databases through the {@link Store} interface.
 * Records are compared by their snapshot encoding, which tells apart everything structured clone keeps
 * (-0 and 0, NaN, `undefined` properties and missing ones, array holes, property order, typed array kinds).
 * Reads are paged, so databases larger than memory can be checked.
 */
import { ByteWriter } from './byteWriter.ts';
import { crc32, crc32Update } from './crc32.ts';
import { ValueEncoder } from './valueCodec.ts';
import { compareKeys, type Store, type StoreKey } from '../../engine/storage/store.ts';

/** Checksum of one object store. */
export interface StoreDigest {
  name: string;
  records: number;
  /** CRC-32 over every record's encoded key and value, in key order. */
  crc: number;
}

/** Checksum of a database: one digest per store (sorted by name, as backends list stores in different orders) and a combined hex digest. */
export interface DatabaseDigest {
  stores: StoreDigest[];
  records: number;
  /** 8 hex digits; equal databases have equal digests. */
  digest: string;
}

export interface StoreDifference {
  store: string;
  key: StoreKey;
  /** `missing`: only in `a`; `extra`: only in `b`; `changed`: in both with different values. */
  kind: 'missing' | 'extra' | 'changed';
}

export interface StoreComparison {
  equal: boolean;
  /** Stores present in only one of the two databases. */
  storesOnlyInA: string[];
  storesOnlyInB: string[];
  /** First differences found (up to `maxDifferences`), in store then key order. */
  differences: StoreDifference[];
}

const PAGE = 512;

/** Yields `[key, encoded record]` for every record of `name`, in key order, reading `PAGE` records at a time. */
async function* scan(store: Store, name: string): AsyncGenerator<[StoreKey, Uint8Array]> {
  const w = new ByteWriter();
  const enc = new ValueEncoder(w);
  let last: StoreKey | undefined;
  for (;;) {
    const range = last === undefined ? undefined : { lower: last, lowerOpen: true };
    const page = await store.read([name], (tx) => tx.entries<unknown>(name, { range, limit: PAGE }));
    for (const [k, v] of page) {
      w.reset();
      enc.resetNames();
      enc.key(k);
      enc.value(v);
      yield [k, w.copy()];
    }
    if (page.length < PAGE) return;
    last = page[page.length - 1][0];
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * Checksums every object store of `store` (or only `stores`).
 *
 * @example
 * ```ts
 * const before = await storeChecksum(source);
 * await restoreSnapshot(await writeToBlob(source), target);
 * expect((await storeChecksum(target)).digest).toBe(before.digest);
 * ```
 */
export async function storeChecksum(store: Store, options: { stores?: readonly string[] } = {}): Promise<DatabaseDigest> {
  const names = [...(options.stores ?? store.storeNames())].sort();
  const stores: StoreDigest[] = [];
  const enc = new TextEncoder();
  let all = 0;
  let records = 0;
  for (const name of names) {
    let crc = 0;
    let n = 0;
    for await (const [, bytes] of scan(store, name)) {
      crc = crc32Update(crc, bytes);
      n++;
    }
    stores.push({ name, records: n, crc });
    records += n;
    all = crc32Update(all, enc.encode(`${name}\u0000${n}\u0000${hex(crc)}\u0000`));
  }
  return { stores, records, digest: hex(all) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Compares two databases record for record (every store of either), walking both in key order.
 *
 * @example
 * ```ts
 * const cmp = await compareStores(original, restored);
 * if (!cmp.equal) console.table(cmp.differences);
 * ```
 */
export async function compareStores(a: Store, b: Store, options: { maxDifferences?: number } = {}): Promise<StoreComparison> {
  const max = options.maxDifferences ?? 20;
  const namesA = a.storeNames();
  const namesB = b.storeNames();
  const result: StoreComparison = {
    equal: true,
    storesOnlyInA: namesA.filter((n) => !namesB.includes(n)),
    storesOnlyInB: namesB.filter((n) => !namesA.includes(n)),
    differences: [],
  };
  const diff = (store: string, key: StoreKey, kind: StoreDifference['kind']) => {
    result.equal = false;
    if (result.differences.length < max) result.differences.push({ store, key, kind });
  };
  if (result.storesOnlyInA.length || result.storesOnlyInB.length) result.equal = false;
  for (const name of namesA.filter((n) => namesB.includes(n))) {
    const ia = scan(a, name);
    const ib = scan(b, name);
    let ra = await ia.next();
    let rb = await ib.next();
    while (!ra.done || !rb.done) {
      if (result.differences.length >= max) break;
      const c = ra.done ? 1 : rb.done ? -1 : compareKeys(ra.value[0], rb.value[0]);
      if (c < 0 && !ra.done) {
        diff(name, ra.value[0], 'missing');
        ra = await ia.next();
      } else if (c > 0 && !rb.done) {
        diff(name, rb.value[0], 'extra');
        rb = await ib.next();
      } else if (!ra.done && !rb.done) {
        if (!sameBytes(ra.value[1], rb.value[1])) diff(name, ra.value[0], 'changed');
        ra = await ia.next();
        rb = await ib.next();
      }
    }
    await ia.return(undefined);
    await ib.return(undefined);
  }
  return result;
}

/** CRC-32 of one value's exact encoding (handy in tests to compare two values structurally). */
export function valueChecksum(value: unknown): number {
  const w = new ByteWriter(256);
  new ValueEncoder(w).value(value);
  return crc32(w.buf, 0, w.pos);
}
