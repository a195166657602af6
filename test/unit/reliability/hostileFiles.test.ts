/**
 * Hostile dump and snapshot files through the real engine (fake-indexeddb): at start-up (`importDump` /
 * `importSnapshot`) and, for dumps, into a running engine (`engine.importDump`). Every file gets a coded
 * `EngineError`, no prototype is polluted, and a checksum of the whole database is identical before and after.
 * Documents, settings, search and task inputs have their own corpus (hostileInputs.test.ts).
 */
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync as fflateGzip } from 'fflate';
import { createEngine } from '../../../src/engine.ts';
import { concatBytes } from '../../../src/backup/dump/byteStreams.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { encodeHeader, HEADER_PREFIX_BYTES, parseHeaderBody, u32, type SnapshotHeader } from '../../../src/backup/snapshot/snapshotFormat.ts';
import { dumpOf, fixture, jsonl, moviesIndex, tarOf, V6_METADATA, type Entry } from '../dump/dumpTestKit.ts';
import { attempt, sampleFiles, uniqueName, type ImportPath, type SampleFiles } from './fileCorpusKit.ts';

interface FileCase {
  name: string;
  kind: 'dump' | 'snapshot';
  bytes: (s: SampleFiles) => Uint8Array | Promise<Uint8Array>;
  /** accepted codes */
  code: string | string[];
  paths?: ImportPath[];
}

const cut = (b: Uint8Array, n: number) => b.slice(0, n < 0 ? b.length + n : n);
const flip = (b: Uint8Array, at: number, mask = 0x10) => {
  const c = b.slice();
  const i = at < 0 ? c.length + at : at;
  c[i] ^= mask;
  return c;
};
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => concatBytes(parts);
const good = (): Entry[] => [['metadata.json', V6_METADATA], ['keys.jsonl', ''], ...moviesIndex()];
const withEntries = (...extra: Entry[]) => dumpOf([...good(), ...extra]);
const replacing = (file: string, body: string | object) => dumpOf([...good().filter((e) => e[0] !== file), [file, body]]);
const task = (o: object) => ['tasks/queue.jsonl', jsonl([o])] as Entry;

// ─── snapshots: the header patched with its checksum recomputed (so only the patched field is wrong) ───
const headerEnd = (b: Uint8Array) => HEADER_PREFIX_BYTES + u32(b, 12) + 4;
function header(b: Uint8Array): SnapshotHeader {
  const end = headerEnd(b);
  return parseHeaderBody(b.subarray(0, HEADER_PREFIX_BYTES), b.subarray(HEADER_PREFIX_BYTES, end - 4), u32(b, end - 4));
}
const patched = (b: Uint8Array, patch: (h: SnapshotHeader) => SnapshotHeader) => concat(encodeHeader(patch(header(b))), b.subarray(headerEnd(b)));
const firstFrame = (b: Uint8Array) => headerEnd(b);

const DUMP_MALFORMED = 'malformed_payload';
const TOO_LARGE = 'payload_too_large';
const BAD_SNAPSHOT = 'invalid_store_file';

const dumpCases: FileCase[] = [
  // not a dump
  { name: 'empty file', kind: 'dump', bytes: () => new Uint8Array(0), code: DUMP_MALFORMED },
  { name: 'JSON text', kind: 'dump', bytes: () => text('{"dumpVersion":"V6"}'), code: DUMP_MALFORMED },
  { name: 'random bytes', kind: 'dump', bytes: () => new Uint8Array(randomBytes(4096)), code: DUMP_MALFORMED },
  { name: 'an uncompressed tar', kind: 'dump', bytes: async () => tarOf(good()), code: DUMP_MALFORMED },
  { name: 'a gzip of a gzip', kind: 'dump', bytes: (s) => fflateGzip(s.dump), code: DUMP_MALFORMED },
  { name: 'a snapshot given as a dump', kind: 'dump', bytes: (s) => s.snapshot, code: DUMP_MALFORMED },
  { name: 'gzip of plain text', kind: 'dump', bytes: () => fflateGzip(text('hello '.repeat(500))), code: DUMP_MALFORMED },
  // truncated
  ...[1, 10, 100].map((n) => ({ name: `the first ${n} bytes`, kind: 'dump' as const, bytes: (s: SampleFiles) => cut(s.dump, n), code: DUMP_MALFORMED })),
  ...[0.25, 0.5, 0.9].map((f) => ({ name: `cut at ${f * 100}%`, kind: 'dump' as const, bytes: (s: SampleFiles) => cut(s.dump, Math.floor(s.dump.length * f)), code: DUMP_MALFORMED })),
  { name: 'gzip trailer cut (last 3 bytes)', kind: 'dump', bytes: (s) => cut(s.dump, -3), code: DUMP_MALFORMED },
  { name: 'gzip trailer cut (last 8 bytes)', kind: 'dump', bytes: (s) => cut(s.dump, -8), code: DUMP_MALFORMED },
  { name: 'tar without its end marker', kind: 'dump', bytes: async () => fflateGzip((await tarOf(good())).slice(0, -1024)), code: DUMP_MALFORMED },
  // corrupted bytes
  { name: 'gzip magic flipped', kind: 'dump', bytes: (s) => flip(s.dump, 0), code: DUMP_MALFORMED },
  { name: 'gzip method flipped', kind: 'dump', bytes: (s) => flip(s.dump, 2), code: DUMP_MALFORMED },
  { name: 'gzip flags flipped (a bogus extra field)', kind: 'dump', bytes: (s) => flip(s.dump, 3, 0x04), code: DUMP_MALFORMED },
  { name: 'a flipped bit in the first deflate block', kind: 'dump', bytes: (s) => flip(s.dump, 12), code: DUMP_MALFORMED },
  { name: 'a flipped bit in the middle', kind: 'dump', bytes: (s) => flip(s.dump, s.dump.length >> 1), code: DUMP_MALFORMED },
  { name: 'a flipped bit in the CRC-32', kind: 'dump', bytes: (s) => flip(s.dump, -6), code: DUMP_MALFORMED },
  { name: 'a flipped bit in the size', kind: 'dump', bytes: (s) => flip(s.dump, -3), code: DUMP_MALFORMED },
  { name: '64 zeroed bytes in the middle', kind: 'dump', bytes: (s) => { const b = s.dump.slice(); b.fill(0, b.length >> 1, (b.length >> 1) + 64); return b; }, code: DUMP_MALFORMED },
  { name: 'content altered under a valid deflate stream', kind: 'dump', bytes: async () => {
    const b = fflateGzip(await tarOf(good()), { level: 0 });
    b[Buffer.from(b).indexOf('Wonder Woman')] = 'X'.charCodeAt(0);
    return b;
  }, code: DUMP_MALFORMED },
  // versions
  { name: 'a newer dump version (V7)', kind: 'dump', bytes: () => replacing('metadata.json', { dumpVersion: 'V7', dbVersion: '2.0.0', dumpDate: '2030-01-01T00:00:00Z' }), code: DUMP_MALFORMED },
  { name: 'dumpVersion V99', kind: 'dump', bytes: () => replacing('metadata.json', { dumpVersion: 'V99' }), code: DUMP_MALFORMED },
  { name: 'an unknown dumpVersion', kind: 'dump', bytes: () => replacing('metadata.json', { dumpVersion: 'banana' }), code: DUMP_MALFORMED },
  { name: 'dumpVersion a number', kind: 'dump', bytes: () => replacing('metadata.json', { dumpVersion: 6 }), code: DUMP_MALFORMED },
  { name: 'no dumpVersion', kind: 'dump', bytes: () => replacing('metadata.json', { dbVersion: '1.16.0' }), code: DUMP_MALFORMED },
  { name: 'older fixture (v5) truncated', kind: 'dump', bytes: () => cut(fixture('v5.dump'), 40_000), code: DUMP_MALFORMED },
  { name: 'older fixture (v2) with a flipped bit', kind: 'dump', bytes: () => flip(fixture('v2.dump'), 30_000), code: DUMP_MALFORMED },
  { name: 'older fixture (v1) cut before its trailer', kind: 'dump', bytes: () => cut(fixture('v1.dump'), -5), code: DUMP_MALFORMED },
  // metadata
  { name: 'no metadata.json', kind: 'dump', bytes: () => dumpOf(good().slice(1)), code: DUMP_MALFORMED },
  { name: 'metadata.json not JSON', kind: 'dump', bytes: () => replacing('metadata.json', '{"dumpVersion":'), code: DUMP_MALFORMED },
  { name: 'metadata.json an array', kind: 'dump', bytes: () => replacing('metadata.json', '["V6"]'), code: DUMP_MALFORMED },
  { name: 'metadata.json null', kind: 'dump', bytes: () => replacing('metadata.json', 'null'), code: DUMP_MALFORMED },
  { name: 'metadata.json empty', kind: 'dump', bytes: () => replacing('metadata.json', ''), code: DUMP_MALFORMED },
  { name: 'metadata.json with __proto__', kind: 'dump', bytes: () => replacing('metadata.json', '{"__proto__":{"polluted":true},"dumpVersion":"V8"}'), code: DUMP_MALFORMED },
  { name: 'documents without their index metadata.json', kind: 'dump', bytes: () => dumpOf([good()[0], good()[1], moviesIndex()[1], moviesIndex()[2]]), code: DUMP_MALFORMED },
  { name: 'index metadata.json not JSON', kind: 'dump', bytes: () => replacing('indexes/movies/metadata.json', '{uid'), code: DUMP_MALFORMED },
  { name: 'index metadata without uid', kind: 'dump', bytes: () => replacing('indexes/movies/metadata.json', { primaryKey: 'id' }), code: DUMP_MALFORMED },
  { name: 'the same file twice', kind: 'dump', bytes: () => withEntries(moviesIndex()[2]), code: DUMP_MALFORMED },
  // bad JSON and content
  { name: 'a document line that does not parse', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', '{"id":1}\n{"id":2,\n'), code: DUMP_MALFORMED },
  { name: 'a document line that is an array', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', '{"id":1}\n[1,2]\n'), code: DUMP_MALFORMED },
  { name: 'a document line that is a string', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', '"just text"\n'), code: DUMP_MALFORMED },
  { name: 'a document line of invalid UTF-8', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0xff, 0xfe, 0x7d, 0x0a])), code: DUMP_MALFORMED },
  { name: 'a document with an invalid id', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', jsonl([{ id: 1 }, { id: 'no spaces allowed' }])), code: 'invalid_document_id' },
  { name: 'a document without its primary key', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', jsonl([{ id: 1 }, { title: 'no id' }])), code: ['missing_document_id', 'invalid_document_id'] },
  { name: 'a __proto__ document before an invalid one', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', '{"id":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}\n{"id":"bad id!"}\n'), code: 'invalid_document_id' },
  { name: 'settings.json not JSON', kind: 'dump', bytes: () => replacing('indexes/movies/settings.json', '{"searchableAttributes": ['), code: DUMP_MALFORMED },
  { name: 'settings.json with invalid values', kind: 'dump', bytes: () => replacing('indexes/movies/settings.json', { searchableAttributes: 3 }), code: ['invalid_settings_searchable_attributes', DUMP_MALFORMED] },
  { name: 'settings.json with __proto__ and invalid values', kind: 'dump', bytes: () => replacing('indexes/movies/settings.json', '{"__proto__":{"polluted":true},"rankingRules":["magic"]}'), code: ['invalid_settings_ranking_rules', DUMP_MALFORMED, 'bad_request'] },
  { name: 'keys.jsonl with a line that does not parse', kind: 'dump', bytes: () => replacing('keys.jsonl', '{"uid":\n'), code: DUMP_MALFORMED },
  { name: 'a task line that does not parse', kind: 'dump', bytes: () => withEntries(['tasks/queue.jsonl', '{"uid":0,\n']), code: DUMP_MALFORMED },
  { name: 'a task with an unknown status', kind: 'dump', bytes: () => withEntries(task({ uid: 0, indexUid: null, status: 'sleeping', type: 'snapshotCreation', enqueuedAt: '2025-07-31T09:00:00Z' })), code: DUMP_MALFORMED },
  { name: 'a task with __proto__ and an unknown status', kind: 'dump', bytes: () => withEntries(['tasks/queue.jsonl', '{"__proto__":{"polluted":true},"uid":0,"status":"nope","type":"dumpCreation","enqueuedAt":"2025-07-31T09:00:00Z"}\n']), code: DUMP_MALFORMED },
  { name: 'an enqueued addition without its update file', kind: 'dump', bytes: () => withEntries(task({ uid: 0, indexUid: 'movies', status: 'enqueued', type: { documentImport: { primary_key: null, method: 'ReplaceDocuments', documents_count: 3, allow_index_creation: true } }, enqueuedAt: '2025-07-31T09:00:00Z' })), code: DUMP_MALFORMED },
  { name: 'a batch line that does not parse', kind: 'dump', bytes: () => withEntries(['batches/queue.jsonl', '{"uid":\n']), code: DUMP_MALFORMED },
  // paths
  { name: 'an entry escaping its directory', kind: 'dump', bytes: () => withEntries(['../outside.json', 'x']), code: DUMP_MALFORMED },
  { name: 'an entry climbing out of an index', kind: 'dump', bytes: () => withEntries(['indexes/movies/../../../etc/passwd', 'x']), code: DUMP_MALFORMED },
  { name: 'an absolute path', kind: 'dump', bytes: () => withEntries(['/etc/passwd', 'x']), code: DUMP_MALFORMED },
  { name: 'an index directory named ..', kind: 'dump', bytes: () => withEntries(['indexes/../metadata.json', V6_METADATA]), code: DUMP_MALFORMED },
  { name: 'a task update file climbing out', kind: 'dump', bytes: () => withEntries(['tasks/update_files/../../../x.jsonl', '{}']), code: DUMP_MALFORMED },
  // size limits
  { name: 'a decompression bomb (20 MiB of newlines)', kind: 'dump', bytes: () => withEntries(['padding.jsonl', new Uint8Array(20 * 1024 * 1024).fill(10)]), code: TOO_LARGE },
  { name: 'a decompression bomb inside documents.jsonl', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', new Uint8Array(40 * 1024 * 1024).fill(32)), code: TOO_LARGE },
  { name: 'a gigantic line that compresses well (80 MiB string)', kind: 'dump', bytes: () => replacing('indexes/movies/documents.jsonl', `{"id":1,"text":"${'a'.repeat(80 * 1024 * 1024)}"}\n`), code: TOO_LARGE },
  {
    name: 'a gigantic line that does not compress (66 MiB of hex)',
    kind: 'dump',
    // zlib level 1 keeps this fast; the archive is built by hand as the tar helper would copy 66 MiB twice.
    bytes: async () => {
      const tar = await tarOf([...good().filter((e) => e[0] !== 'indexes/movies/documents.jsonl'), ['indexes/movies/documents.jsonl', text(`{"id":1,"text":"${randomBytes(33 * 1024 * 1024).toString('hex')}"}\n`)]]);
      return new Uint8Array(gzipSync(tar, { level: 1 }));
    },
    code: TOO_LARGE,
  },
];

const snapshotCases: FileCase[] = [
  { name: 'empty file', kind: 'snapshot', bytes: () => new Uint8Array(0), code: BAD_SNAPSHOT },
  { name: 'random bytes', kind: 'snapshot', bytes: () => new Uint8Array(randomBytes(4096)), code: BAD_SNAPSHOT },
  { name: 'a dump given as a snapshot', kind: 'snapshot', bytes: (s) => s.dump, code: BAD_SNAPSHOT },
  { name: 'a gzipped snapshot', kind: 'snapshot', bytes: (s) => fflateGzip(s.snapshot), code: BAD_SNAPSHOT },
  // truncated
  ...[4, 8, 15, 40].map((n) => ({ name: `the first ${n} bytes`, kind: 'snapshot' as const, bytes: (s: SampleFiles) => cut(s.snapshot, n), code: BAD_SNAPSHOT })),
  { name: 'the header alone', kind: 'snapshot', bytes: (s) => cut(s.snapshot, headerEnd(s.snapshot)), code: BAD_SNAPSHOT },
  { name: 'cut inside the first frame header', kind: 'snapshot', bytes: (s) => cut(s.snapshot, headerEnd(s.snapshot) + 7), code: BAD_SNAPSHOT },
  ...[0.3, 0.5, 0.8].map((f) => ({ name: `cut at ${f * 100}%`, kind: 'snapshot' as const, bytes: (s: SampleFiles) => cut(s.snapshot, Math.floor(s.snapshot.length * f)), code: BAD_SNAPSHOT })),
  { name: 'without its end magic', kind: 'snapshot', bytes: (s) => cut(s.snapshot, -8), code: BAD_SNAPSHOT },
  { name: 'the last byte missing', kind: 'snapshot', bytes: (s) => cut(s.snapshot, -1), code: BAD_SNAPSHOT },
  // bit flips
  { name: 'magic flipped', kind: 'snapshot', bytes: (s) => flip(s.snapshot, 0), code: BAD_SNAPSHOT },
  { name: 'format version flipped', kind: 'snapshot', bytes: (s) => flip(s.snapshot, 8, 0x02), code: BAD_SNAPSHOT },
  { name: 'header length flipped (huge)', kind: 'snapshot', bytes: (s) => flip(s.snapshot, 15, 0x40), code: BAD_SNAPSHOT },
  { name: 'header length flipped (short)', kind: 'snapshot', bytes: (s) => flip(s.snapshot, 12, 0x01), code: BAD_SNAPSHOT },
  { name: 'a bit of the header JSON', kind: 'snapshot', bytes: (s) => flip(s.snapshot, HEADER_PREFIX_BYTES + 20), code: BAD_SNAPSHOT },
  { name: 'the header checksum', kind: 'snapshot', bytes: (s) => flip(s.snapshot, headerEnd(s.snapshot) - 2), code: BAD_SNAPSHOT },
  { name: 'the first frame type', kind: 'snapshot', bytes: (s) => flip(s.snapshot, firstFrame(s.snapshot), 0x04), code: BAD_SNAPSHOT },
  { name: 'the first frame store index', kind: 'snapshot', bytes: (s) => flip(s.snapshot, firstFrame(s.snapshot) + 2, 0x08), code: BAD_SNAPSHOT },
  { name: 'the first frame record count', kind: 'snapshot', bytes: (s) => flip(s.snapshot, firstFrame(s.snapshot) + 8, 0x01), code: BAD_SNAPSHOT },
  { name: 'the first frame length (huge)', kind: 'snapshot', bytes: (s) => flip(s.snapshot, firstFrame(s.snapshot) + 19, 0x20), code: BAD_SNAPSHOT },
  { name: 'a bit of the first payload', kind: 'snapshot', bytes: (s) => flip(s.snapshot, firstFrame(s.snapshot) + 30), code: BAD_SNAPSHOT },
  { name: 'a bit in the middle', kind: 'snapshot', bytes: (s) => flip(s.snapshot, s.snapshot.length >> 1), code: BAD_SNAPSHOT },
  { name: 'a bit of the footer', kind: 'snapshot', bytes: (s) => flip(s.snapshot, -20), code: BAD_SNAPSHOT },
  { name: 'the end magic', kind: 'snapshot', bytes: (s) => flip(s.snapshot, -1), code: BAD_SNAPSHOT },
  { name: '32 zeroed bytes in the middle', kind: 'snapshot', bytes: (s) => { const b = s.snapshot.slice(); b.fill(0, b.length >> 1, (b.length >> 1) + 32); return b; }, code: BAD_SNAPSHOT },
  // other versions and formats (checksums recomputed: a deliberate file, not damage)
  { name: 'another pocketsearch version', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, engineVersion: '99.0.0' })), code: BAD_SNAPSHOT },
  { name: 'an older pocketsearch version', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, engineVersion: '0.0.1' })), code: BAD_SNAPSHOT },
  { name: 'another storage format', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, storageFormat: 'pocketsearch-store/2' })), code: BAD_SNAPSHOT },
  { name: 'another schema version', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, schemaVersion: h.schemaVersion + 1 })), code: BAD_SNAPSHOT },
  { name: 'snapshot format 2', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, formatVersion: 2 })), code: BAD_SNAPSHOT },
  { name: 'an unknown store listed', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, stores: [...h.stores, { name: 'evil', records: 0 }] })), code: BAD_SNAPSHOT },
  { name: 'a store missing from the list', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, stores: h.stores.slice(1) })), code: BAD_SNAPSHOT },
  { name: 'a record count off by one', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, stores: h.stores.map((st, i) => (i === 1 ? { ...st, records: st.records + 1 } : st)) })), code: BAD_SNAPSHOT },
  { name: 'a store named __proto__', kind: 'snapshot', bytes: (s) => patched(s.snapshot, (h) => ({ ...h, stores: h.stores.map((st, i) => (i === 0 ? { ...st, name: '__proto__' } : st)) })), code: BAD_SNAPSHOT },
  // extra bytes
  { name: 'garbage after the end', kind: 'snapshot', bytes: (s) => concat(s.snapshot, text('trailing garbage')), code: BAD_SNAPSHOT },
  { name: 'two snapshots back to back', kind: 'snapshot', bytes: (s) => concat(s.snapshot, s.snapshot), code: BAD_SNAPSHOT },
];

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
}

let sample: SampleFiles;
beforeAll(async () => {
  sample = await sampleFiles();
}, 60_000);

/** Dumps go through both import paths; snapshots are only restored at start-up. */
const runs = [
  ...dumpCases.flatMap((c) => (['startup', 'running'] as ImportPath[]).map((path) => ({ c, path }))),
  ...snapshotCases.map((c) => ({ c, path: 'startup' as ImportPath })),
];

describe('hostile dump and snapshot files get coded errors and change nothing', () => {
  it(`has ${dumpCases.length} dumps and ${snapshotCases.length} snapshots (${runs.length} runs)`, () => {
    expect(dumpCases.length + snapshotCases.length).toBeGreaterThanOrEqual(100);
  });

  for (const { c, path } of runs) {
    it(`${c.kind} ${path}: ${c.name}`, async () => {
      const r = await attempt(c.kind, await c.bytes(sample), path);
      expect(r.foreign, String(r.foreign)).toBeNull();
      expect(r.error, 'refused').not.toBeNull();
      expect([c.code].flat(), r.error!.message).toContain(r.error!.code);
      expect(r.error!.message.length).toBeGreaterThan(10);
      expectUnpolluted();
      expect(r.after).toBe(r.before);
    }, 60_000);
  }

  it.each<[string, ImportPath]>([
    ['dump', 'startupWithData'],
    ['dump', 'runningWithData'],
    ['snapshot', 'startupWithData'],
  ])('a valid %s into a database with data (%s): invalid_state, database untouched', async (kind, path) => {
    const r = await attempt(kind as 'dump' | 'snapshot', kind === 'dump' ? sample.dump : sample.snapshot, path);
    expect(r.error?.code).toBe('invalid_state');
    expect(r.after).toBe(r.before);
  });

  it.each([
    ['importDump', 'dump_not_found'],
    ['importSnapshot', 'snapshot_not_found'],
  ])('%s naming a file that does not exist: %s', async (option, code) => {
    const err = await createEngine({ storage: 'indexeddb', name: uniqueName('missing'), [option]: '../../etc/passwd' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe(code);
  });
});

afterAll(() => expectUnpolluted());
