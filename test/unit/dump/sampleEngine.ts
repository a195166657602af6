/**
 * A filled test engine for export tests: keys, three indexes (one with a 300-character uid), settings,
 * documents, a task of every kind (one of them the dump being written), batches, enqueued additions.
 */
import { isoDuration, type TaskKind, type TaskRecord } from '../../../src/engine/tasks/taskRecord.ts';
import type { SettingsUpdate } from '../../../src/engine/types/settings.ts';
import type { Batch, BatchStats, TaskDetails, TaskStatus } from '../../../src/engine/types/tasks.ts';
import { MemoryDumpEngine } from './memoryDumpEngine.ts';

export const LONG_UID = 'l'.repeat(300);
export const DUMP_TASK_UID = 20;
export const DUMP_BATCH_UID = 5;

function t(
  uid: number,
  indexUid: string | null,
  status: TaskStatus,
  kind: TaskKind,
  details: TaskDetails | null,
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  const minute = String(uid).padStart(2, '0');
  const finished = status === 'succeeded' || status === 'failed' || status === 'canceled';
  return {
    uid,
    batchUid: finished ? 2 : null,
    indexUid,
    status,
    kind,
    details,
    error: null,
    canceledBy: null,
    enqueuedAt: `2025-01-01T10:${minute}:00.000Z`,
    startedAt: finished ? `2025-01-01T10:${minute}:01.123456Z` : null,
    finishedAt: finished ? `2025-01-01T10:${minute}:02.5Z` : null,
    ...extra,
  };
}

const movieSettings: SettingsUpdate = { rankingRules: ['words', 'typo', 'release_date:desc'], filterableAttributes: ['genres', { attributePatterns: ['year'], features: { facetSearch: true } }] };
/** A settings update with a reset (`null`), as a task carries it. */
const settingsTask: SettingsUpdate = { ...movieSettings, stopWords: null };

/** Every task kind, in uid order. Task {@link DUMP_TASK_UID} is the processing dump. */
export function sampleTasks(): TaskRecord[] {
  return [
    t(0, 'movies', 'succeeded', { type: 'indexCreation', primaryKey: 'id' }, { primaryKey: 'id' }, { batchUid: 0 }),
    t(1, 'movies', 'succeeded', { type: 'documentAdditionOrUpdate', method: 'replace', primaryKey: 'id', documentsCount: 3, allowIndexCreation: true }, { receivedDocuments: 3, indexedDocuments: 3 }, { batchUid: 1 }),
    t(2, 'movies', 'failed', { type: 'documentAdditionOrUpdate', method: 'update', primaryKey: null, documentsCount: 1, allowIndexCreation: false }, { receivedDocuments: 1, indexedDocuments: 0 }, {
      error: { message: 'Document identifier `"a b"` is invalid.', code: 'invalid_document_id', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#invalid_document_id' },
    }),
    t(3, 'movies', 'succeeded', { type: 'documentDeletion', mode: 'ids', ids: ['7', '8'] }, { providedIds: 2, deletedDocuments: 1, originalFilter: null }),
    t(4, 'movies', 'succeeded', { type: 'documentDeletion', mode: 'filter', filter: 'genres = drama' }, { providedIds: 0, deletedDocuments: 0, originalFilter: '"genres = drama"' }),
    t(5, 'books', 'succeeded', { type: 'documentDeletion', mode: 'clear' }, { deletedDocuments: 4 }),
    t(6, 'movies', 'succeeded', { type: 'documentEdition', filter: ['year > 2000'], context: { n: 1 }, function: 'doc.n = context.n' }, {
      editedDocuments: 2, deletedDocuments: 0, originalFilter: '["year > 2000"]', context: { n: 1 }, function: 'doc.n = context.n',
    }),
    t(7, 'movies', 'succeeded', { type: 'settingsUpdate', settings: settingsTask, isDeletion: false, allowIndexCreation: true }, { ...settingsTask }),
    t(8, 'old', 'succeeded', { type: 'indexUpdate', primaryKey: null, newIndexUid: 'books' }, { primaryKey: null, oldIndexUid: 'old', newIndexUid: 'books' }),
    t(9, 'gone', 'succeeded', { type: 'indexDeletion' }, { deletedDocuments: 12 }),
    t(10, null, 'succeeded', { type: 'indexSwap', swaps: [{ indexes: ['movies', 'books'] }, { indexes: ['a', 'b'], rename: true }] }, { swaps: [{ indexes: ['movies', 'books'], rename: false }, { indexes: ['a', 'b'], rename: true }] }),
    t(11, null, 'succeeded', { type: 'taskCancelation', query: '?uids=12,13', tasks: [12, 13, 5000, 70000] }, { matchedTasks: 4, canceledTasks: 1, originalFilter: '?uids=12,13' }),
    t(12, 'books', 'canceled', { type: 'indexCreation', primaryKey: null }, { primaryKey: null }, { canceledBy: 11 }),
    t(13, null, 'succeeded', { type: 'taskDeletion', query: '?statuses=failed', tasks: [2] }, { matchedTasks: 1, deletedTasks: 0, originalFilter: '?statuses=failed' }),
    t(14, null, 'succeeded', { type: 'dumpCreation' }, { dumpUid: '20250101-101402500' }),
    t(15, null, 'succeeded', { type: 'snapshotCreation' }, null),
    t(16, null, 'succeeded', { type: 'upgradeDatabase', from: [1, 12, 0] }, { upgradeFrom: 'v1.12.0', upgradeTo: 'v1.16.0' }),
    t(17, 'movies', 'succeeded', { type: 'indexCompaction' }, {}),
    t(18, 'movies', 'enqueued', { type: 'documentAdditionOrUpdate', method: 'replace', primaryKey: 'id', documentsCount: 2, allowIndexCreation: true }, { receivedDocuments: 2, indexedDocuments: null }, { customMetadata: 'import-42' }),
    t(19, 'books', 'enqueued', { type: 'documentAdditionOrUpdate', method: 'update', primaryKey: null, documentsCount: 0, allowIndexCreation: true }, { receivedDocuments: 0, indexedDocuments: null }),
    t(DUMP_TASK_UID, null, 'processing', { type: 'dumpCreation' }, { dumpUid: '20250101-102000000' }, { batchUid: DUMP_BATCH_UID, startedAt: '2025-01-01T10:20:00.000Z' }),
    t(21, 'movies', 'enqueued', { type: 'settingsUpdate', settings: { distinctAttribute: 'title' }, isDeletion: false, allowIndexCreation: true }, { distinctAttribute: 'title' }),
  ];
}

/** The sample engine. */
export function sampleEngine(): MemoryDumpEngine {
  const e = new MemoryDumpEngine();
  e.keyList = [
    { description: 'Search key', name: 'Default Search API Key', uid: '9a1b2c3d-0000-4000-8000-000000000001', actions: ['search'], indexes: ['*'], expires_at: null, created_at: '2025-01-01T09:00:00Z', updated_at: '2025-01-01T09:00:00Z' },
    { uid: '9a1b2c3d-0000-4000-8000-000000000002', actions: ['documents.add', 'tasks.get'], indexes: ['movies', 'books*'], expires_at: '2026-01-01T00:00:00Z', created_at: '2025-01-01T09:00:01Z', updated_at: '2025-01-02T09:00:01Z' },
  ];
  const movies = new Map<string, Record<string, unknown>>([
    ['1', { id: 1, title: 'Carol', genres: ['Romance', 'Drama'], year: 2015, nested: { a: [1, { b: null }] } }],
    ['2', { id: 2, title: 'Wonder Woman 🦸', genres: ['Action'], year: 2017, poster: 'https://example.com/ww.jpg' }],
    ['tt-3', { id: 'tt-3', title: 'Le fabuleux destin d’Amélie Poulain', year: 2001, rating: 8.3, adult: false }],
  ]);
  e.indexMap.set('movies', { index: { uid: 'movies', primaryKey: 'id', createdAt: '2025-01-01T10:00:01.5Z', updatedAt: '2025-01-01T10:07:02.5Z' }, settings: movieSettings, docs: movies });
  e.indexMap.set('books', { index: { uid: 'books', primaryKey: null, createdAt: '2025-01-01T10:08:00Z', updatedAt: '2025-01-01T10:08:00Z' }, settings: {}, docs: new Map() });
  e.indexMap.set(LONG_UID, { index: { uid: LONG_UID, primaryKey: 'key', createdAt: '2025-01-01T10:09:00Z', updatedAt: '2025-01-01T10:09:00Z' }, settings: {}, docs: new Map([['k1', { key: 'k1' }]]) });
  for (const record of sampleTasks()) {
    const payload = record.uid === 18 ? [{ id: 10, title: 'Up' }, { id: 11, title: 'Coco' }] : record.uid === 19 ? [] : undefined;
    e.taskMap.set(record.uid, payload === undefined ? { record } : { record, payload });
  }
  const batch = (uid: number, types: BatchStats['types'], status: BatchStats['status'], finishedAt: string | null): Batch => ({
    uid,
    progress: null,
    details: uid === 1 ? { receivedDocuments: 3, indexedDocuments: 3 } : {},
    stats: { totalNbTasks: Object.values(types).reduce((a, b) => a + (b ?? 0), 0), status, types, indexUids: uid === DUMP_BATCH_UID ? {} : { movies: 1 } },
    duration: finishedAt ? isoDuration('2025-01-01T10:00:01Z', finishedAt) : null,
    startedAt: '2025-01-01T10:00:01Z',
    finishedAt,
    batchStrategy: uid === DUMP_BATCH_UID ? 'created batch containing only task with id 20 of type `dumpCreation` that cannot be batched with any other task.' : 'unspecified',
  });
  e.batchList = [
    batch(0, { indexCreation: 1 }, { succeeded: 1 }, '2025-01-01T10:00:02Z'),
    batch(1, { documentAdditionOrUpdate: 1 }, { succeeded: 1 }, '2025-01-01T10:01:02Z'),
    batch(2, { documentAdditionOrUpdate: 1, documentDeletion: 3 }, { succeeded: 3, failed: 1 }, '2025-01-01T10:17:02Z'),
    batch(DUMP_BATCH_UID, { dumpCreation: 1 }, { processing: 1 }, null),
  ];
  return e;
}
