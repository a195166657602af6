/**
 * CRC-32 (the gzip one: reflected polynomial 0xEDB88320), four bytes per step. Used to check the gzip
 * trailer of an imported dump, which fflate's streaming `Gunzip` does not verify.
 */

const T = makeTables();

function makeTables(): Uint32Array[] {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0, new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 4; k++) {
      const prev = tables[k - 1][n];
      tables[k][n] = (t0[prev & 0xff] ^ (prev >>> 8)) >>> 0;
    }
  }
  return tables;
}

/**
 * Continues a CRC-32 over `bytes`. Start with 0; the value returned is the final CRC of everything so far.
 *
 * @example
 * ```ts
 * crc32(crc32(0, a), b) === crc32(0, concat(a, b))
 * ```
 */
export function crc32(crc: number, bytes: Uint8Array): number {
  const [t0, t1, t2, t3] = T;
  let c = ~crc >>> 0;
  let i = 0;
  const end4 = bytes.length - (bytes.length & 3);
  for (; i < end4; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
