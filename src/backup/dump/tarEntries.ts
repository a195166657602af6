/**
 * Reads the files of a tar stream with modern-tar, one at a time, with safe normalized names.
 * Only regular files are yielded; directories, links and macOS `._*` / `__MACOSX` entries are skipped.
 */
import { createTarDecoder, type ParsedTarEntry } from 'modern-tar';
import { streamFromIterable, iterateStream } from './byteStreams.ts';
import { DumpError } from './dumpError.ts';

/** A file of the archive. Its body must be read or skipped (`skip`) before the next entry is requested. */
export interface ArchiveEntry {
  /** Relative path inside the dump, without `./`, with `/` separators (`indexes/movies/documents.jsonl`). */
  readonly name: string;
  /** Size of the body in bytes. */
  readonly size: number;
  /** Position among the files of the archive (0-based), stable across reads of the same archive. */
  readonly ordinal: number;
  /** The body, chunk by chunk. Can be iterated once. */
  body(): AsyncIterable<Uint8Array>;
  /** Skips the body (reads it to its end without keeping it). */
  skip(): Promise<void>;
}

function tarError(e: unknown): unknown {
  if (e instanceof DumpError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/truncated/i.test(message)) {
    return new DumpError('truncated', 'The dump is truncated: its tar archive ends before its end-of-archive marker.');
  }
  if (/checksum|header|tar/i.test(message)) {
    return new DumpError('corrupt', `The dump is not a valid tar archive (${message}).`);
  }
  return e;
}

/**
 * Normalizes an entry name: strips `./` prefixes and empty segments. Returns `null` for the archive root.
 * Throws a {@link DumpError} (`unsafe_path`) for absolute names or names with a `..` segment.
 */
export function normalizeEntryName(raw: string): string | null {
  if (raw.includes('\0')) throw new DumpError('unsafe_path', `The dump has an entry with a NUL byte in its name.`);
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(raw)) {
    throw new DumpError('unsafe_path', `The dump has an entry with an absolute path (\`${raw}\`); dump entries must be relative.`);
  }
  const segments = raw.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw new DumpError('unsafe_path', `The dump has an entry whose name escapes its directory (\`${raw}\`).`);
  }
  return segments.length === 0 ? null : segments.join('/');
}

/** True for macOS metadata entries (`._name` AppleDouble files, `__MACOSX/`). */
export function isMacMetadata(name: string): boolean {
  return name.split('/').some((s) => s.startsWith('._') || s === '__MACOSX');
}

/**
 * Yields the regular files of a tar byte stream. Errors of the byte source (e.g. gzip errors) pass through;
 * tar errors become {@link DumpError}s (`truncated`, `corrupt`, `unsafe_path`).
 */
export async function* readTarEntries(tarBytes: AsyncIterable<Uint8Array>): AsyncGenerator<ArchiveEntry> {
  const entries = streamFromIterable(tarBytes).pipeThrough(createTarDecoder({ strict: true }));
  const reader = entries.getReader();
  let ordinal = 0;
  let finished = false;
  try {
    while (true) {
      let next: ReadableStreamReadResult<ParsedTarEntry>;
      try {
        next = await reader.read();
      } catch (e) {
        throw tarError(e);
      }
      if (next.done) {
        finished = true;
        return;
      }
      const { header, body } = next.value;
      const name = normalizeEntryName(header.name);
      const type = header.type ?? 'file';
      if (name === null || type !== 'file' || isMacMetadata(name)) {
        await drain(body);
        continue;
      }
      let used = false;
      const entry: ArchiveEntry = {
        name,
        size: header.size,
        ordinal: ordinal++,
        body() {
          if (used) throw new Error(`The body of ${name} was already read.`);
          used = true;
          return mapErrors(iterateStream(body));
        },
        async skip() {
          if (used) return;
          used = true;
          await drain(body);
        },
      };
      yield entry;
      if (!used) await entry.skip();
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * Skips a body by reading it to its end. (Cancelling the body stream of modern-tar 0.8 is not safe once the
 * body was fully queued: its cancel hook then detaches the body of the next entry, which never ends.)
 */
async function drain(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done) {
      // discard
    }
  } catch (e) {
    throw tarError(e);
  } finally {
    reader.releaseLock();
  }
}

async function* mapErrors(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* source;
  } catch (e) {
    throw tarError(e);
  }
}
