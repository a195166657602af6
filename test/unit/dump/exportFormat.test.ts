/**
 * Golden assertions on the exported archive: exactly Meilisearch's v6 entry names and JSON shapes
 * (checked against the `dump` crate's `TaskDump`/`KindDump`, and `Details`, `Batch`, `Key` of
 * `meilisearch-types`), so a real Meilisearch accepts the file.
 */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'fflate';
import { exportDump } from '../../../src/backup/dump/exportDump.ts';
import { MemoryDumpEngine } from './memoryDumpEngine.ts';
import { collect, entriesOf, lines } from './dumpTestKit.ts';
import { LONG_UID, sampleEngine } from './sampleEngine.ts';

const NOW = new Date('2025-01-01T10:20:03.250Z');

async function sample(): Promise<Map<string, string | null>> {
  return entriesOf(await collect(exportDump(sampleEngine(), { now: NOW })));
}

function taskLine(entries: Map<string, string | null>, uid: number): string {
  const line = (entries.get('tasks/queue.jsonl') ?? '').split('\n').find((l) => l.startsWith(`{"uid":${uid},`));
  if (!line) throw new Error(`no task ${uid}`);
  return line;
}

describe('the exported v6 dump', () => {
  it('has exactly the v6 entries, in dependency order', async () => {
    const names = [...(await sample()).keys()].map((n) => n.replace(LONG_UID, 'LONG'));
    expect(names).toEqual([
      'metadata.json',
      'keys.jsonl',
      'indexes/',
      'indexes/books/',
      'indexes/books/metadata.json',
      'indexes/books/settings.json',
      'indexes/books/documents.jsonl',
      'indexes/LONG/',
      'indexes/LONG/metadata.json',
      'indexes/LONG/settings.json',
      'indexes/LONG/documents.jsonl',
      'indexes/movies/',
      'indexes/movies/metadata.json',
      'indexes/movies/settings.json',
      'indexes/movies/documents.jsonl',
      'tasks/',
      'tasks/queue.jsonl',
      'tasks/update_files/',
      'tasks/update_files/18.jsonl',
      'tasks/update_files/19.jsonl',
      'batches/',
      'batches/queue.jsonl',
    ]);
  });

  it('writes metadata.json, keys.jsonl and index metadata like Meilisearch', async () => {
    const e = await sample();
    expect(e.get('metadata.json')).toBe('{"dumpVersion":"V6","dbVersion":"1.16.0","dumpDate":"2025-01-01T10:20:03.250Z"}');
    expect(e.get('keys.jsonl')).toBe(
      '{"description":"Search key","name":"Default Search API Key","uid":"9a1b2c3d-0000-4000-8000-000000000001","actions":["search"],"indexes":["*"],"expires_at":null,"created_at":"2025-01-01T09:00:00Z","updated_at":"2025-01-01T09:00:00Z"}\n' +
        '{"uid":"9a1b2c3d-0000-4000-8000-000000000002","actions":["documents.add","tasks.get"],"indexes":["movies","books*"],"expires_at":"2026-01-01T00:00:00Z","created_at":"2025-01-01T09:00:01Z","updated_at":"2025-01-02T09:00:01Z"}\n',
    );
    expect(e.get('indexes/movies/metadata.json')).toBe('{"uid":"movies","primaryKey":"id","createdAt":"2025-01-01T10:00:01.5Z","updatedAt":"2025-01-01T10:07:02.5Z"}');
    expect(e.get('indexes/books/metadata.json')).toBe('{"uid":"books","primaryKey":null,"createdAt":"2025-01-01T10:08:00Z","updatedAt":"2025-01-01T10:08:00Z"}');
    expect(JSON.parse(e.get(`indexes/${LONG_UID}/metadata.json`) ?? '').uid).toBe(LONG_UID);
  });

  it('writes settings as GET /settings returns them, and documents one per line', async () => {
    const e = await sample();
    const settings = JSON.parse(e.get('indexes/movies/settings.json') ?? '');
    expect(Object.keys(settings)).toEqual([
      'displayedAttributes', 'searchableAttributes', 'filterableAttributes', 'sortableAttributes', 'rankingRules', 'stopWords',
      'nonSeparatorTokens', 'separatorTokens', 'dictionary', 'synonyms', 'distinctAttribute', 'proximityPrecision', 'typoTolerance',
      'faceting', 'pagination', 'embedders', 'searchCutoffMs', 'localizedAttributes', 'facetSearch', 'prefixSearch',
    ]);
    expect(settings.rankingRules).toEqual(['words', 'typo', 'release_date:desc']);
    expect(e.get('indexes/movies/documents.jsonl')?.split('\n')[1]).toBe('{"id":2,"title":"Wonder Woman 🦸","genres":["Action"],"year":2017,"poster":"https://example.com/ww.jpg"}');
    expect(e.get('indexes/books/documents.jsonl')).toBe('');
  });

  it('writes each task kind as an externally tagged KIND with snake_case fields', async () => {
    const e = await sample();
    const type = (uid: number): unknown => JSON.parse(taskLine(e, uid)).type;
    expect(type(1)).toEqual({ documentImport: { primary_key: 'id', method: 'ReplaceDocuments', documents_count: 3, allow_index_creation: true } });
    expect(type(2)).toEqual({ documentImport: { primary_key: null, method: 'UpdateDocuments', documents_count: 1, allow_index_creation: false } });
    expect(type(3)).toEqual({ documentDeletion: { documents_ids: ['7', '8'] } });
    expect(type(4)).toEqual({ documentDeletionByFilter: { filter: 'genres = drama' } });
    expect(type(5)).toBe('documentClear');
    expect(type(6)).toEqual({ documentEdition: { filter: ['year > 2000'], context: { n: 1 }, function: 'doc.n = context.n' } });
    expect(type(7)).toEqual({ settings: { settings: expect.objectContaining({ stopWords: null }), is_deletion: false, allow_index_creation: true } });
    expect(type(0)).toEqual({ indexCreation: { primary_key: 'id' } });
    expect(type(8)).toEqual({ indexUpdate: { primary_key: null, uid: 'books' } });
    expect(type(9)).toBe('indexDeletion');
    expect(type(10)).toEqual({ indexSwap: { swaps: [{ indexes: ['movies', 'books'], rename: false }, { indexes: ['a', 'b'], rename: true }] } });
    expect(type(15)).toBe('snapshotCreation');
    expect(type(16)).toEqual({ upgradeDatabase: { from: [1, 12, 0] } });
    expect(type(17)).toEqual({ indexCompaction: { index_uid: 'movies' } });
    expect(type(14)).toEqual({ dumpCreation: { keys: [expect.objectContaining({ name: 'Default Search API Key' }), expect.objectContaining({ uid: '9a1b2c3d-0000-4000-8000-000000000002' })], instance_uid: null } });
  });

  it('serializes cancel/delete task sets as portable roaring bitmap bytes', async () => {
    const e = await sample();
    expect(JSON.parse(taskLine(e, 11)).type).toEqual({
      taskCancelation: {
        query: '?uids=12,13',
        // cookie 12346, 2 containers; keys 0 (card 3) and 1 (card 1); offsets 24, 30; 12, 13, 5000 | 70000 − 65536
        tasks: [58, 48, 0, 0, 2, 0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 24, 0, 0, 0, 30, 0, 0, 0, 12, 0, 13, 0, 136, 19, 112, 17],
      },
    });
    expect(JSON.parse(taskLine(e, 13)).type).toEqual({ tasksDeletion: { query: '?statuses=failed', tasks: [58, 48, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 2, 0] } });
  });

  it('writes DETAILS PascalCase-tagged with snake_case fields, null fields included', async () => {
    const e = await sample();
    const details = (uid: number): unknown => JSON.parse(taskLine(e, uid)).details;
    expect(details(1)).toEqual({ DocumentAdditionOrUpdate: { received_documents: 3, indexed_documents: 3 } });
    expect(details(3)).toEqual({ DocumentDeletion: { provided_ids: 2, deleted_documents: 1 } });
    expect(details(4)).toEqual({ DocumentDeletionByFilter: { original_filter: '"genres = drama"', deleted_documents: 0 } });
    expect(details(5)).toEqual({ ClearAll: { deleted_documents: 4 } });
    expect(details(9)).toEqual({ ClearAll: { deleted_documents: 12 } });
    expect(details(6)).toEqual({ DocumentEdition: { deleted_documents: 0, edited_documents: 2, original_filter: '["year > 2000"]', context: { n: 1 }, function: 'doc.n = context.n' } });
    expect(details(0)).toEqual({ IndexInfo: { primary_key: 'id', new_index_uid: null, old_index_uid: null } });
    expect(details(8)).toEqual({ IndexInfo: { primary_key: null, new_index_uid: 'books', old_index_uid: 'old' } });
    expect(details(11)).toEqual({ TaskCancelation: { matched_tasks: 4, canceled_tasks: 1, original_filter: '?uids=12,13' } });
    expect(details(13)).toEqual({ TaskDeletion: { matched_tasks: 1, deleted_tasks: 0, original_filter: '?statuses=failed' } });
    expect(details(14)).toEqual({ Dump: { dump_uid: '20250101-101402500' } });
    expect(details(16)).toEqual({ UpgradeDatabase: { from: [1, 12, 0], to: [1, 16, 0] } });
    expect(details(17)).toEqual({ IndexCompaction: { index_uid: 'movies', pre_compaction_size: null, post_compaction_size: null } });
    expect(details(7)).toEqual({ SettingsUpdate: { settings: expect.objectContaining({ rankingRules: ['words', 'typo', 'release_date:desc'] }) } });
    expect(details(18)).toEqual({ DocumentAdditionOrUpdate: { received_documents: 2, indexed_documents: null } });
  });

  it('leaves absent fields out of a task line, except batchUid and indexUid (null)', async () => {
    const e = await sample();
    expect(taskLine(e, 15)).toBe(
      '{"uid":15,"batchUid":2,"indexUid":null,"status":"succeeded","type":"snapshotCreation","enqueuedAt":"2025-01-01T10:15:00.000Z","startedAt":"2025-01-01T10:15:01.123456Z","finishedAt":"2025-01-01T10:15:02.5Z"}',
    );
    expect(taskLine(e, 19)).toBe(
      '{"uid":19,"batchUid":null,"indexUid":"books","status":"enqueued","type":{"documentImport":{"primary_key":null,"method":"UpdateDocuments","documents_count":0,"allow_index_creation":true}},"details":{"DocumentAdditionOrUpdate":{"received_documents":0,"indexed_documents":null}},"enqueuedAt":"2025-01-01T10:19:00.000Z"}',
    );
    expect(taskLine(e, 12)).toContain('"status":"canceled","type":{"indexCreation":{"primary_key":null}},"canceledBy":11,"details"');
    expect(taskLine(e, 2)).toContain('"error":{"message":"Document identifier `\\"a b\\"` is invalid.","code":"invalid_document_id","type":"invalid_request","link":"https://docs.meilisearch.com/errors#invalid_document_id"},"enqueuedAt"');
    expect(taskLine(e, 18)).toMatch(/"enqueuedAt":"2025-01-01T10:18:00.000Z","customMetadata":"import-42"}$/);
    const allowed = new Set(['uid', 'batchUid', 'indexUid', 'status', 'type', 'canceledBy', 'details', 'error', 'enqueuedAt', 'startedAt', 'finishedAt', 'network', 'customMetadata']);
    for (const t of lines(e.get('tasks/queue.jsonl')) as Record<string, unknown>[]) {
      for (const k of Object.keys(t)) expect(allowed.has(k), `task ${String(t.uid)} key ${k}`).toBe(true);
      for (const k of ['canceledBy', 'details', 'error', 'startedAt', 'finishedAt']) expect(t[k], `task ${String(t.uid)} ${k}`).not.toBeNull();
    }
  });

  it('writes its own dump task as succeeded, with start and finish times and its uid', async () => {
    expect(taskLine(await sample(), 20)).toMatch(
      /^\{"uid":20,"batchUid":5,"indexUid":null,"status":"succeeded","type":\{"dumpCreation":\{"keys":\[.*\],"instance_uid":null\}\},"details":\{"Dump":\{"dump_uid":"20250101-102000000"\}\},"enqueuedAt":"2025-01-01T10:20:00.000Z","startedAt":"2025-01-01T10:20:00.000Z","finishedAt":"2025-01-01T10:20:03.250Z"\}$/,
    );
  });

  it('writes update files for enqueued document additions, one document per line', async () => {
    const e = await sample();
    expect(e.get('tasks/update_files/18.jsonl')).toBe('{"id":10,"title":"Up"}\n{"id":11,"title":"Coco"}\n');
    expect(e.get('tasks/update_files/19.jsonl')).toBe('');
  });

  it('writes batches with enqueuedAt {earliest, oldest} from their tasks and stopReason', async () => {
    const batches = lines((await sample()).get('batches/queue.jsonl')) as Record<string, unknown>[];
    expect(batches.map((b) => Object.keys(b))).toEqual(Array(4).fill(['uid', 'details', 'stats', 'startedAt', 'finishedAt', 'enqueuedAt', 'stopReason']));
    expect(batches[2]).toEqual({
      uid: 2,
      details: {},
      stats: { totalNbTasks: 4, status: { succeeded: 3, failed: 1 }, types: { documentAdditionOrUpdate: 1, documentDeletion: 3 }, indexUids: { movies: 1 } },
      startedAt: '2025-01-01T10:00:01Z',
      finishedAt: '2025-01-01T10:17:02Z',
      enqueuedAt: { earliest: '2025-01-01T10:17:00.000Z', oldest: '2025-01-01T10:02:00.000Z' },
      stopReason: 'unspecified',
    });
    expect(batches[3]).toMatchObject({ uid: 5, stats: { status: { succeeded: 1 } }, finishedAt: '2025-01-01T10:20:03.250Z' });
  });

  it('writes an empty engine as a valid dump with an indexes/ directory and empty files', async () => {
    const e = await entriesOf(await collect(exportDump(new MemoryDumpEngine(), { now: NOW })));
    expect([...e.keys()]).toEqual(['metadata.json', 'keys.jsonl', 'indexes/', 'tasks/', 'tasks/queue.jsonl', 'tasks/update_files/', 'batches/', 'batches/queue.jsonl']);
    expect(e.get('keys.jsonl')).toBe('');
  });

  it('is a gzip stream whose header carries the dump date (reproducible bytes)', async () => {
    const a = await collect(exportDump(sampleEngine(), { now: NOW }));
    const b = await collect(exportDump(sampleEngine(), { now: NOW }));
    expect(a).toEqual(b);
    expect([a[0], a[1]]).toEqual([0x1f, 0x8b]);
    expect(new DataView(a.buffer, a.byteOffset).getUint32(4, true)).toBe(Math.floor(NOW.getTime() / 1000));
    expect(gunzipSync(a).length % 512).toBe(0);
  });
});
