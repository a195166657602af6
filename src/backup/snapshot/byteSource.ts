import { SnapshotError } from './snapshotError.ts';

/**
 * Anything a snapshot can be read from. A `ReadableStream` is consumed (and cancelled when reading stops early).
 *
 * @inline
 */
export type SnapshotSource = ReadableStream<Uint8Array> | Blob | Uint8Array;

/**
 * Pulls exact byte counts out of a stream, a Blob or a byte array, holding at most one source chunk plus the
 * bytes asked for. Running out of bytes throws `SnapshotError('truncated')`.
 *
 * @example
 * ```ts
 * const src = ByteSource.from(file);
 * const magic = await src.read(8);
 * await src.close();
 * ```
 */
export class ByteSource {
  /** Bytes consumed so far. */
  offset = 0;
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private done = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | null;

  private constructor(
    reader: ReadableStreamDefaultReader<Uint8Array> | null,
    bytes: Uint8Array | null,
    /** Total size when known up front (Blob, bytes). */
    readonly size: number | null,
  ) {
    this.reader = reader;
    if (bytes) {
      this.chunk = bytes;
      this.done = true;
    }
  }

  static from(source: SnapshotSource): ByteSource {
    if (source instanceof Uint8Array) return new ByteSource(null, source, source.length);
    if (typeof Blob !== 'undefined' && source instanceof Blob) {
      return new ByteSource((source.stream() as ReadableStream<Uint8Array>).getReader(), null, source.size);
    }
    return new ByteSource((source as ReadableStream<Uint8Array>).getReader(), null, null);
  }

  /** Pulls the next non-empty chunk; false at the end of the source. */
  private async pull(): Promise<boolean> {
    while (!this.done && this.reader) {
      const r = await this.reader.read();
      if (r.done) {
        this.done = true;
        break;
      }
      if (r.value.length > 0) {
        this.chunk = r.value;
        this.at = 0;
        return true;
      }
    }
    return false;
  }

  /** Exactly `n` bytes (a view into the source chunk when possible; do not keep it past the next read). */
  async read(n: number): Promise<Uint8Array> {
    const avail = this.chunk.length - this.at;
    if (avail >= n) {
      const out = this.chunk.subarray(this.at, this.at + n);
      this.at += n;
      this.offset += n;
      return out;
    }
    if (this.size !== null && this.offset + n > this.size) {
      throw new SnapshotError('truncated', `The snapshot is truncated: it ends after ${this.size} bytes.`);
    }
    // Of unknown size, grow the buffer as bytes arrive: a corrupted length must not allocate more than is there.
    let out = new Uint8Array(this.size !== null ? n : Math.min(n, 1 << 24));
    let filled = 0;
    while (filled < n) {
      if (this.at >= this.chunk.length && !(await this.pull())) {
        throw new SnapshotError('truncated', `The snapshot is truncated: it ends after ${this.offset + filled} bytes.`);
      }
      const take = Math.min(n - filled, this.chunk.length - this.at);
      if (filled + take > out.length) {
        const grown = new Uint8Array(Math.min(n, Math.max(2 * out.length, filled + take)));
        grown.set(out.subarray(0, filled));
        out = grown;
      }
      out.set(this.chunk.subarray(this.at, this.at + take), filled);
      this.at += take;
      filled += take;
    }
    this.offset += n;
    return out;
  }

  /** True when every byte has been consumed. */
  async atEnd(): Promise<boolean> {
    return this.at >= this.chunk.length && !(await this.pull());
  }

  /** Stops reading and releases the source. */
  async close(): Promise<void> {
    this.chunk = new Uint8Array(0);
    this.at = 0;
    if (this.reader && !this.done) {
      this.done = true;
      await this.reader.cancel().catch(() => undefined);
    }
  }
}
