/**
 * Streaming gzip both ways with fflate, with the guards an untrusted upload needs: a gzip magic check,
 * a cap on the uncompressed size and on the expansion ratio (decompression bombs), and clear errors for
 * truncated or corrupted data.
 */
import { Gunzip, Gzip } from 'fflate';
import { crc32 } from './crc32.ts';
import { DumpError, formatBytes } from './dumpError.ts';

/** Limits applied while decompressing a dump. */
export interface GunzipLimits {
  /** Refuse the dump once more than this many bytes come out of gzip. */
  maxUncompressedBytes: number;
  /** Refuse the dump when uncompressed / compressed exceeds this, once `ratioFloorBytes` came out. */
  maxExpansionRatio: number;
  /** Uncompressed bytes below which the ratio is not checked (small files compress very well). */
  ratioFloorBytes: number;
}

/** Byte counters a decompression updates as it goes. */
export interface GunzipCounters {
  compressed: number;
  uncompressed: number;
}

/** At most this much compressed input is pushed to fflate at once, so one push yields ≤ ~8 MiB. */
const PUSH_SLICE = 8 * 1024;

function fflateError(e: unknown): DumpError {
  const code = (e as { code?: number } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 0 || /unexpected EOF/i.test(message)) {
    return new DumpError('truncated', 'The dump is truncated: its gzip data ends before the end of the archive.');
  }
  return new DumpError('corrupt', `The dump's gzip data is corrupted (${message}).`);
}

/**
 * Decompresses a gzip byte stream chunk by chunk. Throws a {@link DumpError}: `not_gzip` if the input does
 * not start with the gzip magic bytes, `truncated` / `corrupt` for damaged data, `too_large` when a limit
 * of {@link GunzipLimits} is exceeded.
 */
export async function* gunzipChunks(
  input: AsyncIterable<Uint8Array>,
  limits: GunzipLimits,
  counters: GunzipCounters = { compressed: 0, uncompressed: 0 },
): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  const gunzip = new Gunzip((chunk) => {
    out.push(chunk);
  });
  // The gzip trailer (CRC-32 and size of the data) is checked for single-member files, the usual case.
  let members = 1;
  gunzip.onmember = () => {
    members++;
  };
  let crc = 0;
  let size = 0;
  const tail = new Uint8Array(8);
  let tailLen = 0;
  const keepTail = (bytes: Uint8Array): void => {
    if (bytes.length >= 8) {
      tail.set(bytes.subarray(bytes.length - 8));
      tailLen = 8;
      return;
    }
    const keep = Math.min(tailLen, 8 - bytes.length);
    tail.copyWithin(0, tailLen - keep, tailLen);
    tail.set(bytes, keep);
    tailLen = keep + bytes.length;
  };
  let head = new Uint8Array(0);
  let checked = false;

  const guard = (): void => {
    if (counters.uncompressed > limits.maxUncompressedBytes) {
      throw new DumpError(
        'too_large',
        `The dump is larger than ${formatBytes(limits.maxUncompressedBytes)} once decompressed (maxUncompressedBytes); refusing it.`,
      );
    }
    if (
      counters.uncompressed > limits.ratioFloorBytes &&
      counters.uncompressed > limits.maxExpansionRatio * Math.max(1, counters.compressed)
    ) {
      throw new DumpError(
        'too_large',
        `The dump expands more than ${limits.maxExpansionRatio} times when decompressed (${formatBytes(counters.uncompressed)} from ${formatBytes(counters.compressed)}); refusing it as a possible decompression bomb (maxExpansionRatio).`,
      );
    }
  };

  function* push(bytes: Uint8Array, final: boolean): Generator<Uint8Array> {
    let i = 0;
    do {
      const end = Math.min(bytes.length, i + PUSH_SLICE);
      counters.compressed += end - i;
      keepTail(bytes.subarray(i, end));
      try {
        gunzip.push(bytes.subarray(i, end), final && end >= bytes.length);
      } catch (e) {
        throw fflateError(e);
      }
      i = end;
      const produced = out;
      out = [];
      for (const c of produced) {
        counters.uncompressed += c.length;
        guard();
        crc = crc32(crc, c);
        size = (size + c.length) >>> 0;
        yield c;
      }
    } while (i < bytes.length);
  }

  for await (const chunk of input) {
    if (chunk.length === 0) continue;
    if (!checked) {
      const merged = new Uint8Array(head.length + chunk.length);
      merged.set(head);
      merged.set(chunk, head.length);
      if (merged.length < 2) {
        head = merged;
        continue;
      }
      if (merged[0] !== 0x1f || merged[1] !== 0x8b) {
        throw new DumpError('not_gzip', 'This is not a dump: a `.dump` file is a gzip-compressed tar archive, and these bytes are not gzip data.');
      }
      checked = true;
      yield* push(merged, false);
      continue;
    }
    yield* push(chunk, false);
  }
  if (!checked) {
    if (head.length === 0) throw new DumpError('not_gzip', 'The dump is empty (0 bytes).');
    throw new DumpError('not_gzip', 'This is not a dump: a `.dump` file is a gzip-compressed tar archive, and these bytes are not gzip data.');
  }
  yield* push(new Uint8Array(0), true);
  if (members === 1 && tailLen === 8) {
    const view = new DataView(tail.buffer);
    if (view.getUint32(0, true) !== crc || view.getUint32(4, true) !== size) {
      throw new DumpError('corrupt', 'The dump is damaged: its gzip checksum does not match its content (a corrupted or truncated file).');
    }
  }
}

/**
 * A push-style gzip compressor over fflate's streaming `Gzip`: `push` returns the compressed chunks that
 * became available, `finish` the rest.
 */
export class GzipEncoder {
  private readonly gzip: Gzip;
  private out: Uint8Array[] = [];

  /** `mtime` goes into the gzip header (a fixed date makes the output reproducible). */
  constructor(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6, mtime: Date = new Date()) {
    this.gzip = new Gzip({ level, mtime }, (chunk) => {
      this.out.push(chunk);
    });
  }

  /** Compresses `bytes`; returns the compressed output produced so far (possibly none). */
  push(bytes: Uint8Array): Uint8Array[] {
    this.gzip.push(bytes, false);
    return this.take();
  }

  /** Ends the gzip stream; returns the remaining output. */
  finish(): Uint8Array[] {
    this.gzip.push(new Uint8Array(0), true);
    return this.take();
  }

  private take(): Uint8Array[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
