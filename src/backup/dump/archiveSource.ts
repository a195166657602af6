/**
 * Where the bytes of a dump come from, and how entries that cannot be read yet are kept for a later pass.
 *
 * - A `Blob` (a `File` from an input or OPFS) or a `Uint8Array` can be read again: entries that must wait
 *   are simply read again in a second pass over the archive (nothing is kept in memory).
 * - A one-shot `ReadableStream` cannot: entries that must wait are kept, deflate-compressed, in a
 *   {@link MemorySpill} bounded by `maxSpillBytes`. Dumps written by pocketsearch never need it (their
 *   entries come in dependency order); Meilisearch's may (their order is the server's directory order).
 */
import { Deflate, Inflate } from 'fflate';
import { iterateStream, sliceBytes } from './byteStreams.ts';
import { DumpError, formatBytes } from './dumpError.ts';
import type { ArchiveEntry } from './tarEntries.ts';

/** The input of an import. */
export type DumpSource = ReadableStream<Uint8Array> | Blob | Uint8Array;

/** The compressed bytes of a dump, readable once or several times. */
export interface ArchiveBytes {
  /** Total size when known (Blob, Uint8Array). */
  readonly totalBytes: number | undefined;
  /** True if {@link open} can be called more than once. */
  readonly rereadable: boolean;
  /** The compressed bytes from the start. */
  open(): AsyncIterable<Uint8Array>;
}

/** Wraps an import source. */
export function archiveBytes(source: DumpSource): ArchiveBytes {
  if (source instanceof Uint8Array) {
    return { totalBytes: source.length, rereadable: true, open: () => sliceBytes(source) };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return { totalBytes: source.size, rereadable: true, open: () => iterateStream(source.stream()) };
  }
  if (source instanceof ReadableStream) {
    let opened = false;
    return {
      totalBytes: undefined,
      rereadable: false,
      open: () => {
        if (opened) throw new Error('A ReadableStream dump source can only be read once.');
        opened = true;
        return iterateStream(source);
      },
    };
  }
  throw new TypeError('importDump: the source must be a ReadableStream<Uint8Array>, a Blob or a Uint8Array.');
}

interface Spilled {
  name: string;
  size: number;
  ordinal: number;
  parts: Uint8Array[];
}

/** Entries of a one-shot stream kept (compressed) for a later pass, within a byte budget. */
export class MemorySpill {
  private entries: Spilled[] = [];
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** Number of kept entries. */
  get size(): number {
    return this.entries.length;
  }

  /** Reads the body of `entry` and keeps it, deflate-compressed. */
  async keep(entry: ArchiveEntry): Promise<void> {
    const parts: Uint8Array[] = [];
    const overflow = (): DumpError =>
      new DumpError(
        'too_large',
        `The dump's files come in an order that needs more than ${formatBytes(this.maxBytes)} of buffering when it is read from a stream (maxSpillBytes); import it from a File or Blob instead, which can be read twice.`,
      );
    const deflate = new Deflate({ level: 1 }, (chunk) => {
      parts.push(chunk);
      this.bytes += chunk.length;
    });
    for await (const chunk of entry.body()) {
      deflate.push(chunk, false);
      if (this.bytes > this.maxBytes) throw overflow();
    }
    deflate.push(new Uint8Array(0), true);
    if (this.bytes > this.maxBytes) throw overflow();
    this.entries.push({ name: entry.name, size: entry.size, ordinal: entry.ordinal, parts });
  }

  /**
   * The kept entries, in archive order. Call `release()` once an entry was read for good; entries not
   * released stay for yet another pass.
   */
  *replay(): Generator<{ entry: ArchiveEntry; release: () => void }> {
    for (const s of [...this.entries]) {
      let used = false;
      const entry: ArchiveEntry = {
        name: s.name,
        size: s.size,
        ordinal: s.ordinal,
        body: () => {
          if (used) throw new Error(`The body of ${s.name} was already read.`);
          used = true;
          return inflateParts(s.parts);
        },
        skip: async () => {
          used = true;
        },
      };
      const release = (): void => {
        this.entries = this.entries.filter((e) => e !== s);
        for (const p of s.parts) this.bytes -= p.length;
      };
      yield { entry, release };
    }
  }
}

async function* inflateParts(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => {
    out.push(chunk);
  });
  for (let i = 0; i < parts.length; i++) {
    inflate.push(parts[i], i === parts.length - 1);
    const ready = out;
    out = [];
    yield* ready;
  }
}
