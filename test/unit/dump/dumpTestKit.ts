/**
 * Helpers of the dump tests: fixtures of `test/fixtures/meilisearch-dumps` (resolved relative to this
 * file, so a checkout at any path works), building small dumps by hand, and reading archives back.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'fflate';
import { packTar, unpackTar, type TarEntry } from 'modern-tar';
import { expect } from 'vitest';
import type { DumpImportTarget } from '../../../src/backup/dump/dumpContract.ts';
import { DumpError, type DumpErrorReason } from '../../../src/backup/dump/dumpError.ts';
import { importDump, type DumpImportOptions } from '../../../src/backup/dump/importDump.ts';
import type { DumpSource } from '../../../src/backup/dump/archiveSource.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import type { MemoryDumpEngine } from './memoryDumpEngine.ts';

/** `<repo>/test/fixtures/meilisearch-dumps/` */
export const FIXTURES = new URL('../../fixtures/meilisearch-dumps/', import.meta.url);

/** The bytes of a fixture dump. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(name, FIXTURES))));
}

/** Reads a whole byte stream. */
export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A one-shot stream over `bytes`, in chunks of `chunk` bytes. */
export function streamOf(bytes: Uint8Array, chunk = 4096): ReadableStream<Uint8Array> {
  let pos = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (pos >= bytes.length) c.close();
      else {
        c.enqueue(bytes.slice(pos, pos + chunk));
        pos += chunk;
      }
    },
  });
}

/** A tar entry as the tests describe them: a name and a body (string, bytes or a JSON value). */
export type Entry = [name: string, body: string | Uint8Array | object] | [name: string];

function body(b: string | Uint8Array | object): Uint8Array {
  if (b instanceof Uint8Array) return b;
  return new TextEncoder().encode(typeof b === 'string' ? b : JSON.stringify(b));
}

/** A tar archive of `entries` (names verbatim; a one-element entry is a directory). */
export async function tarOf(entries: readonly Entry[]): Promise<Uint8Array> {
  const list: TarEntry[] = entries.map((e) =>
    e.length === 1
      ? { header: { name: e[0], size: 0, type: 'directory' as const } }
      : { header: { name: e[0], size: body(e[1]).length, type: 'file' as const }, body: body(e[1]) },
  );
  return packTar(list);
}

/** A gzip-compressed tar archive (a `.dump`) of `entries`. */
export async function dumpOf(entries: readonly Entry[]): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(gzipSync(await tarOf(entries)));
}

/** JSON lines of values. */
export function jsonl(values: readonly unknown[]): string {
  return values.map((v) => `${JSON.stringify(v)}\n`).join('');
}

/** The entries of a `.dump`: name → text (directories map to `null`), in archive order. */
export async function entriesOf(dump: Uint8Array): Promise<Map<string, string | null>> {
  const files = await unpackTar(gunzipSync(dump));
  const out = new Map<string, string | null>();
  for (const f of files) out.set(f.header.name, f.header.type === 'directory' ? null : new TextDecoder().decode(f.data));
  return out;
}

/** Parses JSON lines. */
export function lines(text: string | null | undefined): unknown[] {
  return (text ?? '').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
}

/** A valid v6 metadata.json. */
export const V6_METADATA = { dumpVersion: 'V6', dbVersion: '1.16.0', dumpDate: '2025-07-31T09:21:30.479544Z' };

/** Index files of a small v6 dump: one index `movies` with two documents. */
export function moviesIndex(docs: readonly object[] = [{ id: 1, title: 'Carol' }, { id: 2, title: 'Wonder Woman' }]): Entry[] {
  return [
    ['indexes/movies/metadata.json', { uid: 'movies', primaryKey: 'id', createdAt: '2025-07-31T09:00:00Z', updatedAt: '2025-07-31T09:10:00Z' }],
    ['indexes/movies/settings.json', { searchableAttributes: ['title'] }],
    ['indexes/movies/documents.jsonl', jsonl(docs)],
  ];
}

/**
 * Imports `source` into `engine`, expecting a refusal: checks the error's code (and reason for dump errors),
 * that the target was aborted and that nothing imported remains. Returns the error for more checks.
 */
export async function expectRefused(
  engine: MemoryDumpEngine,
  source: DumpSource,
  expected: { code: string; reason?: DumpErrorReason; message?: RegExp },
  options?: DumpImportOptions,
): Promise<EngineError> {
  let caught: unknown = null;
  try {
    await importDump(engine as DumpImportTarget, source, options);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(EngineError);
  const err = caught as EngineError;
  expect(err.code).toBe(expected.code);
  if (expected.reason) {
    expect(err).toBeInstanceOf(DumpError);
    expect((err as DumpError).reason).toBe(expected.reason);
  }
  if (expected.message) expect(err.message).toMatch(expected.message);
  expect(engine.state).toBe('aborted');
  expect(engine.isEmpty()).toBe(true);
  expect(engine.calls).not.toContain('commit');
  return err;
}
