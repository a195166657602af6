/**
 * Roaring bitmap "portable" serialization (https://github.com/RoaringBitmap/RoaringFormatSpec), the bytes
 * Meilisearch writes for the `tasks` of `taskCancelation` / `tasksDeletion` kinds in `tasks/queue.jsonl`
 * (serde turns the bytes into a JSON array of numbers 0..255).
 * The encoder writes array and bitmap containers (no run containers, like roaring-rs without `optimize`);
 * the decoder also reads run containers.
 */
import { DumpError } from './dumpError.ts';

const COOKIE_NO_RUN = 12346;
const COOKIE_RUN = 12347;
const NO_OFFSET_THRESHOLD = 4;
const ARRAY_MAX = 4096;
const BITMAP_BYTES = 8192;

/**
 * Serializes a set of unsigned 32-bit integers (duplicates ignored, any order) to portable roaring bytes.
 *
 * @example
 * ```ts
 * encodeRoaring([0, 1, 2]) // Uint8Array [58, 48, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 16, 0, 0, 0, 0, 0, 1, 0, 2, 0]
 * ```
 */
export function encodeRoaring(values: Iterable<number>): Uint8Array {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  for (const v of sorted) {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`Not a u32: ${v}`);
  }
  const containers: { key: number; lows: number[] }[] = [];
  for (const v of sorted) {
    const key = v >>> 16;
    const last = containers[containers.length - 1];
    if (last && last.key === key) last.lows.push(v & 0xffff);
    else containers.push({ key, lows: [v & 0xffff] });
  }
  const size = containers.length;
  const bodySizes = containers.map((c) => (c.lows.length > ARRAY_MAX ? BITMAP_BYTES : 2 * c.lows.length));
  const headerSize = 8 + 4 * size + 4 * size;
  const total = headerSize + bodySizes.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, COOKIE_NO_RUN, true);
  view.setUint32(4, size, true);
  let offset = headerSize;
  containers.forEach((c, i) => {
    view.setUint16(8 + 4 * i, c.key, true);
    view.setUint16(8 + 4 * i + 2, c.lows.length - 1, true);
    view.setUint32(8 + 4 * size + 4 * i, offset, true);
    if (c.lows.length > ARRAY_MAX) {
      for (const low of c.lows) out[offset + (low >>> 3)] |= 1 << (low & 7);
    } else {
      c.lows.forEach((low, j) => view.setUint16(offset + 2 * j, low, true));
    }
    offset += bodySizes[i];
  });
  return out;
}

function bad(msg: string): DumpError {
  return new DumpError('invalid_content', `Invalid roaring bitmap in a task: ${msg}.`);
}

/**
 * Reads portable roaring bytes back into a sorted array of integers. Throws a {@link DumpError}
 * (`invalid_content`) if the bytes are not a valid serialization.
 */
export function decodeRoaring(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (pos: number, n: number): void => {
    if (pos + n > bytes.length) throw bad('it ends early');
  };
  need(0, 4);
  const cookie = view.getUint32(0, true);
  let pos = 4;
  let size: number;
  let runFlags: Uint8Array | null = null;
  let hasOffsets: boolean;
  if ((cookie & 0xffff) === COOKIE_RUN) {
    size = (cookie >>> 16) + 1;
    const flagBytes = Math.ceil(size / 8);
    need(pos, flagBytes);
    runFlags = bytes.subarray(pos, pos + flagBytes);
    pos += flagBytes;
    hasOffsets = size >= NO_OFFSET_THRESHOLD;
  } else if (cookie === COOKIE_NO_RUN) {
    need(pos, 4);
    size = view.getUint32(pos, true);
    pos += 4;
    hasOffsets = true;
  } else {
    throw bad(`unknown cookie ${cookie}`);
  }
  if (size > 65536) throw bad(`${size} containers`);
  need(pos, 4 * size);
  const keys: number[] = [];
  const cards: number[] = [];
  for (let i = 0; i < size; i++) {
    keys.push(view.getUint16(pos, true));
    cards.push(view.getUint16(pos + 2, true) + 1);
    pos += 4;
  }
  if (hasOffsets) {
    need(pos, 4 * size);
    pos += 4 * size;
  }
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    const high = keys[i] * 65536;
    const isRun = runFlags !== null && (runFlags[i >>> 3] & (1 << (i & 7))) !== 0;
    if (isRun) {
      need(pos, 2);
      const runs = view.getUint16(pos, true);
      pos += 2;
      need(pos, 4 * runs);
      for (let r = 0; r < runs; r++) {
        const start = view.getUint16(pos, true);
        const len = view.getUint16(pos + 2, true);
        pos += 4;
        if (start + len > 0xffff) throw bad('a run overflows its container');
        for (let v = start; v <= start + len; v++) out.push(high + v);
      }
    } else if (cards[i] > ARRAY_MAX) {
      need(pos, BITMAP_BYTES);
      for (let b = 0; b < BITMAP_BYTES; b++) {
        const byte = bytes[pos + b];
        if (byte === 0) continue;
        for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) out.push(high + b * 8 + bit);
      }
      pos += BITMAP_BYTES;
    } else {
      need(pos, 2 * cards[i]);
      for (let j = 0; j < cards[i]; j++) out.push(high + view.getUint16(pos + 2 * j, true));
      pos += 2 * cards[i];
    }
  }
  return out;
}

/** Reads the JSON form Meilisearch writes (an array of byte values) into task uids. */
export function decodeRoaringJson(value: unknown): number[] {
  if (!Array.isArray(value) || !value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw bad('expected an array of bytes (0..255)');
  }
  return decodeRoaring(Uint8Array.from(value as number[]));
}
