/**
 * Writing tar entries with modern-tar's streaming packer, paced by the reader of the output.
 *
 * A tar header holds the size of its file, so a file's size must be known before its body. Small files are
 * buffered; a JSON-lines file that grows past {@link BUFFER_LIMIT} is measured by a first iteration of its
 * items (nothing kept) and written by a second one, checked to produce exactly the measured bytes.
 */
import type { TarPackController } from 'modern-tar';
import { DumpError } from './dumpError.ts';

/** Serialized bytes kept in memory before a JSON-lines file is measured and written in two iterations. */
export const BUFFER_LIMIT = 1024 * 1024;
/** Largest piece written to the packer at once. */
const WRITE_SLICE = 64 * 1024;

const encoder = new TextEncoder();

/**
 * Counts bytes handed to the tar packer and bytes read out of it, and holds the producer while more than
 * `limit` bytes are in between — so the packer's own (large) buffer never fills, and memory stays bounded
 * by what the consumer of the dump has not read yet.
 */
export class FlowGate {
  private written = 0;
  private drainedBytes = 0;
  private waiter: (() => void) | null = null;
  private closedReason: unknown = null;

  constructor(private readonly limit: number) {}

  /** Waits until there is room for more bytes; throws once the gate is closed (output cancelled). */
  async room(): Promise<void> {
    while (this.written - this.drainedBytes >= this.limit) {
      if (this.closedReason !== null) throw this.closedReason;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
    if (this.closedReason !== null) throw this.closedReason;
  }

  /** Records bytes given to the packer. */
  wrote(n: number): void {
    this.written += n;
  }

  /** Records bytes read out of the packer (headers and padding included). */
  drained(n: number): void {
    this.drainedBytes += n;
    this.wake();
  }

  /** Stops the producer at its next {@link room} call. */
  close(reason: unknown): void {
    this.closedReason = reason ?? new Error('The dump stream was cancelled.');
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }
}

/** Writes entries into a modern-tar packer. */
export class TarWriter {
  constructor(
    private readonly tar: TarPackController,
    private readonly gate: FlowGate,
    private readonly mtime: Date,
  ) {}

  /** A directory entry (`name` ends with `/`). */
  async dir(name: string): Promise<void> {
    await this.gate.room();
    await this.tar.add({ name, size: 0, type: 'directory', mtime: this.mtime, mode: 0o755 }).close();
  }

  /** A small file written from a string or bytes. */
  async file(name: string, data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    await this.sized(name, bytes.length, one(bytes));
  }

  /** A file of known `size` whose body comes in chunks; refuses a body of another size. */
  async sized(name: string, size: number, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    await this.gate.room();
    const writer = this.tar.add({ name, size, type: 'file', mtime: this.mtime, mode: 0o644 }).getWriter();
    let total = 0;
    for await (const chunk of chunks) {
      total += chunk.length;
      if (total > size) throw changed(name);
      for (let i = 0; i < chunk.length; i += WRITE_SLICE) {
        const piece = chunk.subarray(i, Math.min(chunk.length, i + WRITE_SLICE));
        await this.gate.room();
        await writer.write(piece);
        this.gate.wrote(piece.length);
      }
    }
    if (total !== size) throw changed(name);
    await writer.close();
  }

  /**
   * A JSON-lines file: one `serialize(item)` per line, items coming in chunks from `open()`. `onWritten` is
   * told how many items each written chunk held (not called while measuring).
   */
  async jsonLines<T>(
    name: string,
    open: () => AsyncIterable<readonly T[]>,
    serialize: (item: T) => string,
    onWritten?: (items: number) => void,
  ): Promise<void> {
    const encode = (items: readonly T[]): Uint8Array => encoder.encode(items.length === 0 ? '' : `${items.map(serialize).join('\n')}\n`);
    let buffered: { bytes: Uint8Array; items: number }[] | null = [];
    let size = 0;
    for await (const items of open()) {
      const bytes = encode(items);
      size += bytes.length;
      if (buffered) {
        buffered.push({ bytes, items: items.length });
        if (size > BUFFER_LIMIT) buffered = null;
      }
    }
    const kept = buffered;
    if (kept) {
      await this.sized(name, size, (async function* () {
        for (const b of kept) {
          yield b.bytes;
          onWritten?.(b.items);
        }
      })());
      return;
    }
    await this.sized(name, size, (async function* () {
      for await (const items of open()) {
        yield encode(items);
        onWritten?.(items.length);
      }
    })());
  }
}

async function* one(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  if (bytes.length > 0) yield bytes;
}

function changed(name: string): DumpError {
  return new DumpError(
    'changed_during_export',
    `The content of \`${name}\` changed while the dump was written (it was read twice and differed); writes must be paused during a dump.`,
  );
}
