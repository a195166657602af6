/**
 * Parsing the JSON files of a dump from byte chunks: NDJSON files line by line (bounded memory, a limit on
 * the length of one line) and small JSON files whole. Errors say which file and which line.
 */
import { DumpError, formatBytes } from './dumpError.ts';

const NEWLINE = 10;

/** A parsed line with its 1-based line number. */
export interface JsonLine {
  value: unknown;
  line: number;
  /** Length of the line's text in UTF-16 code units (a cheap measure of its size). */
  size: number;
}

function decoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true });
}

function tooLong(file: string, line: number, max: number): DumpError {
  return new DumpError(
    'too_large',
    `Line ${line} of \`${file}\` is longer than ${formatBytes(max)} (maxLineBytes); refusing the dump.`,
  );
}

function parseLine(text: string, file: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DumpError('invalid_json', `Invalid JSON at line ${line} of \`${file}\`: ${why}`);
  }
}

function decode(dec: TextDecoder, bytes: Uint8Array, file: string, line: number): string {
  try {
    return dec.decode(bytes);
  } catch {
    throw new DumpError('invalid_json', `Line ${line} of \`${file}\` is not valid UTF-8.`);
  }
}

/**
 * Yields the JSON values of an NDJSON byte stream, skipping blank lines. Complete lines of a chunk are
 * decoded at once; only an unfinished last line is carried over, and it may not grow past `maxLineBytes`.
 */
export async function* readJsonLines(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  maxLineBytes: number,
): AsyncGenerator<JsonLine> {
  const dec = decoder();
  let carry: Uint8Array[] = [];
  let carryLen = 0;
  let line = 0;

  function* emit(text: string): Generator<JsonLine> {
    const parts = text.split('\n');
    for (const part of parts) {
      line++;
      if (part.trim() === '') continue;
      yield { value: parseLine(part, file, line), line, size: part.length };
    }
  }

  for await (const chunk of chunks) {
    const lastNl = chunk.lastIndexOf(NEWLINE);
    if (lastNl < 0) {
      carry.push(chunk);
      carryLen += chunk.length;
      if (carryLen > maxLineBytes) throw tooLong(file, line + 1, maxLineBytes);
      continue;
    }
    // Check the length of every complete line of this chunk (the first one includes the carry).
    let prev = -1;
    let nl = chunk.indexOf(NEWLINE);
    let lineNo = line + 1;
    while (nl >= 0 && nl <= lastNl) {
      const len = nl - prev - 1 + (prev < 0 ? carryLen : 0);
      if (len > maxLineBytes) throw tooLong(file, lineNo, maxLineBytes);
      prev = nl;
      lineNo++;
      nl = chunk.indexOf(NEWLINE, nl + 1);
    }
    let region: Uint8Array;
    if (carryLen > 0) {
      carry.push(chunk.subarray(0, lastNl));
      region = concat(carry, carryLen + lastNl);
    } else {
      region = chunk.subarray(0, lastNl);
    }
    yield* emit(decode(dec, region, file, line + 1));
    const rest = chunk.subarray(lastNl + 1);
    carry = rest.length > 0 ? [rest] : [];
    carryLen = rest.length;
    if (carryLen > maxLineBytes) throw tooLong(file, line + 1, maxLineBytes);
  }
  if (carryLen > 0) yield* emit(decode(dec, concat(carry, carryLen), file, line + 1));
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Reads a whole JSON file (at most `maxBytes` bytes) and parses it. */
export async function readJsonFile(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  maxBytes: number,
): Promise<unknown> {
  const text = await readTextFile(chunks, file, maxBytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DumpError('invalid_json', `Invalid JSON in \`${file}\`: ${why}`);
  }
}

/** Reads a whole text file (at most `maxBytes` bytes). */
export async function readTextFile(chunks: AsyncIterable<Uint8Array>, file: string, maxBytes: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new DumpError('too_large', `\`${file}\` is larger than ${formatBytes(maxBytes)} (maxLineBytes); refusing the dump.`);
    }
    parts.push(chunk);
  }
  try {
    return decoder().decode(concat(parts, total));
  } catch {
    throw new DumpError('invalid_json', `\`${file}\` is not valid UTF-8.`);
  }
}
