import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { importDump } from '../../../src/backup/dump/importDump.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { MemoryDumpEngine } from './memoryDumpEngine.ts';
import { dumpOf, expectRefused, fixture, jsonl, moviesIndex, streamOf, tarOf, V6_METADATA, type Entry } from './dumpTestKit.ts';

const good: Entry[] = [['metadata.json', V6_METADATA], ['keys.jsonl', ''], ...moviesIndex()];

describe('importDump refuses bad input, aborts the target and leaves it empty', () => {
  it('refuses bytes that are not gzip', async () => {
    await expectRefused(new MemoryDumpEngine(), new TextEncoder().encode('{"dumpVersion":"V6"}'), {
      code: 'malformed_payload',
      reason: 'not_gzip',
      message: /not gzip data/,
    });
  });

  it('refuses an empty file', async () => {
    await expectRefused(new MemoryDumpEngine(), new Uint8Array(0), { code: 'malformed_payload', reason: 'not_gzip', message: /empty/ });
  });

  it('refuses an uncompressed tar (a dump is gzip-compressed)', async () => {
    await expectRefused(new MemoryDumpEngine(), await tarOf(good), { code: 'malformed_payload', reason: 'not_gzip' });
  });

  it('refuses a gzip stream cut in the middle', async () => {
    const dump = fixture('v5.dump');
    await expectRefused(new MemoryDumpEngine(), dump.subarray(0, Math.floor(dump.length / 2)), {
      code: 'malformed_payload',
      reason: 'truncated',
      message: /truncated/,
    });
  });

  it('refuses a complete gzip stream whose tar archive is cut', async () => {
    const tar = await tarOf(good);
    await expectRefused(new MemoryDumpEngine(), gzipSync(tar.subarray(0, 1536 + 100)), { code: 'malformed_payload', reason: 'truncated' });
  });

  it('refuses a tar archive without its end-of-archive marker', async () => {
    const tar = await tarOf(good);
    await expectRefused(new MemoryDumpEngine(), gzipSync(tar.subarray(0, tar.length - 1024)), { code: 'malformed_payload', reason: 'truncated' });
  });

  it('refuses corrupted gzip data', async () => {
    const dump = fixture('v5.dump').slice();
    dump[200] ^= 0xff;
    dump[201] ^= 0x55;
    await expectRefused(new MemoryDumpEngine(), dump, { code: 'malformed_payload', reason: 'corrupt', message: /gzip data is corrupted/ });
  });

  it('refuses a dump whose content was altered but still parses (gzip checksum)', async () => {
    const dump = gzipSync(await tarOf(good), { level: 0 });
    const at = Buffer.from(dump).indexOf('Wonder Woman');
    expect(at).toBeGreaterThan(0);
    dump[at] = 'X'.charCodeAt(0);
    await expectRefused(new MemoryDumpEngine(), dump, { code: 'malformed_payload', reason: 'corrupt', message: /checksum does not match/ });
  });

  it('refuses a dump whose gzip trailer is cut', async () => {
    const dump = await dumpOf(good);
    await expectRefused(new MemoryDumpEngine(), dump.subarray(0, dump.length - 3), { code: 'malformed_payload', reason: 'corrupt', message: /checksum/ });
  });

  it('refuses a gzip of something that is not a tar archive', async () => {
    await expectRefused(new MemoryDumpEngine(), gzipSync(new TextEncoder().encode('x'.repeat(2000))), {
      code: 'malformed_payload',
      reason: 'corrupt',
      message: /not a valid tar archive/,
    });
  });

  it('refuses a dump without metadata.json', async () => {
    await expectRefused(new MemoryDumpEngine(), await dumpOf(good.slice(1)), {
      code: 'malformed_payload',
      reason: 'missing_metadata',
      message: /no `metadata.json`/,
    });
  });

  it('refuses a dump made by a newer version, saying so', async () => {
    const entries: Entry[] = [['metadata.json', { dumpVersion: 'V7', dbVersion: '2.0.0', dumpDate: '2030-01-01T00:00:00Z' }], ...good.slice(1)];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(entries), {
      code: 'malformed_payload',
      reason: 'unsupported_version',
      message: /made by a newer version of Meilisearch \(Meilisearch 2\.0\.0\): its format is V7/,
    });
  });

  it('refuses an unknown dumpVersion', async () => {
    await expectRefused(new MemoryDumpEngine(), await dumpOf([['metadata.json', { dumpVersion: 'banana' }], ...good.slice(1)]), {
      code: 'malformed_payload',
      reason: 'unsupported_version',
      message: /Unknown dump format `banana`/,
    });
  });

  it('names the file and the line of a JSON line that does not parse', async () => {
    const entries: Entry[] = [...good.slice(0, 4), ['indexes/movies/documents.jsonl', '{"id":1}\n{"id":2,\n{"id":3}\n']];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(entries), {
      code: 'malformed_payload',
      reason: 'invalid_json',
      message: /Invalid JSON at line 2 of `indexes\/movies\/documents\.jsonl`/,
    });
  });

  it('names the file of a JSON file that does not parse', async () => {
    await expectRefused(new MemoryDumpEngine(), await dumpOf([['metadata.json', '{"dumpVersion":'], ...good.slice(1)]), {
      code: 'malformed_payload',
      reason: 'invalid_json',
      message: /Invalid JSON in `metadata\.json`/,
    });
  });

  it('refuses a document line that is not an object', async () => {
    const entries: Entry[] = [...good.slice(0, 4), ['indexes/movies/documents.jsonl', '{"id":1}\n[1,2]\n']];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(entries), { code: 'malformed_payload', reason: 'invalid_content', message: /Line 2 .* not a JSON object/ });
  });

  it.each([
    ['../outside.json', /escapes its directory/],
    ['indexes/movies/../../../etc/passwd', /escapes its directory/],
    ['/etc/passwd', /absolute path/],
  ])('refuses an entry named %s', async (name, message) => {
    await expectRefused(new MemoryDumpEngine(), await dumpOf([...good, [name, 'x']]), { code: 'malformed_payload', reason: 'unsafe_path', message });
  });

  it('refuses a decompression bomb by its expansion ratio', async () => {
    const bomb: Entry[] = [...good, ['padding.jsonl', new Uint8Array(20 * 1024 * 1024).fill(10)]];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(bomb), {
      code: 'payload_too_large',
      reason: 'too_large',
      message: /decompression bomb/,
    });
  });

  it('refuses a dump larger than maxUncompressedBytes', async () => {
    await expectRefused(new MemoryDumpEngine(), await dumpOf(good), { code: 'payload_too_large', reason: 'too_large', message: /maxUncompressedBytes/ }, { maxUncompressedBytes: 3000 });
  });

  it('refuses a line longer than maxLineBytes, ended or not', async () => {
    const long = { id: 3, text: 'y'.repeat(500) };
    const ended: Entry[] = [...good.slice(0, 4), ['indexes/movies/documents.jsonl', jsonl([{ id: 1 }, long])]];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(ended), { code: 'payload_too_large', reason: 'too_large', message: /Line 2 of `indexes\/movies\/documents\.jsonl` is longer/ }, { maxLineBytes: 200 });
    const unended: Entry[] = [...good.slice(0, 4), ['indexes/movies/documents.jsonl', JSON.stringify(long)]];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(unended), { code: 'payload_too_large', reason: 'too_large', message: /Line 1 / }, { maxLineBytes: 200 });
  });

  it('keeps the code of a document the engine rejects (invalid id)', async () => {
    const entries: Entry[] = [...good.slice(0, 4), ['indexes/movies/documents.jsonl', jsonl([{ id: 1 }, { id: 'not valid!' }])]];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(entries), { code: 'invalid_document_id', message: /^Index `movies` \(indexes\/movies\/documents\.jsonl\): Document identifier/ });
  });

  it('aborts when the engine fails midway through the documents', async () => {
    const engine = new MemoryDumpEngine();
    engine.failAfterDocuments = 1;
    await expectRefused(engine, await dumpOf(good), { code: 'internal', message: /Simulated engine failure/ }, { chunkSize: 1 });
  });

  it('refuses documents whose index has no metadata.json', async () => {
    const entries: Entry[] = [good[0], good[1], moviesIndex()[1], moviesIndex()[2]];
    await expectRefused(new MemoryDumpEngine(), await dumpOf(entries), { code: 'malformed_payload', reason: 'invalid_content', message: /has no `indexes\/movies\/metadata\.json`/ });
  });

  it('refuses an enqueued document addition whose update file is missing', async () => {
    const task = {
      uid: 0, batchUid: null, indexUid: 'movies', status: 'enqueued',
      type: { documentImport: { primary_key: null, method: 'ReplaceDocuments', documents_count: 3, allow_index_creation: true } },
      enqueuedAt: '2025-07-31T09:00:00Z',
    };
    await expectRefused(new MemoryDumpEngine(), await dumpOf([...good, ['tasks/queue.jsonl', jsonl([task])]]), {
      code: 'malformed_payload',
      reason: 'invalid_content',
      message: /update file \(tasks\/update_files\/0\.jsonl\) is missing/,
    });
  });

  it('refuses a task with an unknown status', async () => {
    const task = { uid: 0, indexUid: null, status: 'sleeping', type: 'snapshotCreation', enqueuedAt: '2025-07-31T09:00:00Z' };
    await expectRefused(new MemoryDumpEngine(), await dumpOf([...good, ['tasks/queue.jsonl', jsonl([task])]]), {
      code: 'malformed_payload',
      reason: 'invalid_content',
      message: /tasks\/queue\.jsonl line 1: unknown task status "sleeping"/,
    });
  });

  it('refuses an archive with the same file twice', async () => {
    await expectRefused(new MemoryDumpEngine(), await dumpOf([...good, good[2]]), { code: 'malformed_payload', reason: 'invalid_content', message: /twice/ });
  });

  it('refuses bad input from a one-shot stream too', async () => {
    await expectRefused(new MemoryDumpEngine(), streamOf(new TextEncoder().encode('hello, not a dump')), { code: 'malformed_payload', reason: 'not_gzip' });
  });

  it('does not touch a database that is not empty (begin refuses, abort is not called)', async () => {
    const engine = new MemoryDumpEngine();
    await importDump(engine, await dumpOf(good));
    const before = engine.indexMap.get('movies')?.docs.size;
    const calls = engine.calls.length;
    await expect(importDump(engine, await dumpOf(good))).rejects.toSatisfy((e: unknown) => e instanceof EngineError && e.code === 'invalid_state');
    expect(engine.calls.slice(calls)).toEqual(['begin']);
    expect(engine.indexMap.get('movies')?.docs.size).toBe(before);
    expect(engine.state).toBe('committed');
  });
});
