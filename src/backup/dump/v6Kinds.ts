/**
 * The `type` field of a v6 `TaskDump` ("KIND"): externally tagged, camelCase variant names, snake_case
 * fields, unit variants as bare strings (`"documentClear"`). Both directions between it and
 * pocketsearch's {@link TaskKind}.
 */
import type { TaskKind } from '../../engine/tasks/taskRecord.ts';
import type { Filter } from '../../engine/types/search.ts';
import type { IndexSwap } from '../../engine/types/indexes.ts';
import { settingsFromV6 } from './legacySettings.ts';
import { decodeRoaringJson, encodeRoaring } from './roaringBitmap.ts';
import {
  enumTag,
  expectObject,
  expectString,
  expectStrings,
  expectUint,
  isObject,
  optBool,
  optString,
  shapeError,
  type JsonObject,
} from './jsonShape.ts';

/**
 * Writes a task kind as Meilisearch's `KindDump`. `keys` (already in their `keys.jsonl` form) go into
 * `dumpCreation` kinds, as Meilisearch does.
 */
export function kindToDump(kind: TaskKind, indexUid: string | null, keys: readonly JsonObject[]): unknown {
  switch (kind.type) {
    case 'documentAdditionOrUpdate':
      return {
        documentImport: {
          primary_key: kind.primaryKey,
          method: kind.method === 'update' ? 'UpdateDocuments' : 'ReplaceDocuments',
          documents_count: kind.documentsCount,
          allow_index_creation: kind.allowIndexCreation,
        },
      };
    case 'documentDeletion':
      if (kind.mode === 'ids') return { documentDeletion: { documents_ids: kind.ids } };
      if (kind.mode === 'filter') return { documentDeletionByFilter: { filter: kind.filter } };
      return 'documentClear';
    case 'documentEdition':
      return { documentEdition: { filter: kind.filter, context: kind.context ?? null, function: kind.function } };
    case 'settingsUpdate':
      return {
        settings: { settings: kind.settings, is_deletion: kind.isDeletion, allow_index_creation: kind.allowIndexCreation },
      };
    case 'indexCreation':
      return { indexCreation: { primary_key: kind.primaryKey } };
    case 'indexUpdate':
      return { indexUpdate: { primary_key: kind.primaryKey, uid: kind.newIndexUid } };
    case 'indexDeletion':
      return 'indexDeletion';
    case 'indexSwap':
      return { indexSwap: { swaps: kind.swaps.map((s) => ({ indexes: s.indexes, rename: s.rename ?? false })) } };
    case 'taskCancelation':
      return { taskCancelation: { query: kind.query, tasks: Array.from(encodeRoaring(kind.tasks)) } };
    case 'taskDeletion':
      return { tasksDeletion: { query: kind.query, tasks: Array.from(encodeRoaring(kind.tasks)) } };
    case 'dumpCreation':
      return { dumpCreation: { keys, instance_uid: null } };
    case 'snapshotCreation':
      return 'snapshotCreation';
    case 'upgradeDatabase':
      return { upgradeDatabase: { from: kind.from } };
    case 'indexCompaction':
      return { indexCompaction: { index_uid: indexUid ?? '' } };
    case 'export':
      return { export: isObject(kind.payload) ? kind.payload : { url: '', api_key: null, payload_size: null, indexes: {} } };
  }
}

/** A kind read from a dump, or the reason the task cannot be represented here (it is then skipped). */
export type KindRead = { kind: TaskKind } | { skip: string };

function needIndex(indexUid: string | null, where: string, tag: string): void {
  if (indexUid === null) throw shapeError(where, `a \`${tag}\` task needs an \`indexUid\``);
}

/** Reads a v6 `KindDump` (`type` of a task line). `indexUid` is the task's `indexUid`. */
export function kindFromDump(type: unknown, indexUid: string | null, where: string): KindRead {
  const [tag, content] = enumTag(type, `${where} \`type\``);
  const w = `${where} \`type.${tag}\``;
  const body = (): JsonObject => expectObject(content, w);
  switch (tag) {
    case 'documentImport': {
      needIndex(indexUid, where, tag);
      const o = body();
      const method = expectString(o, 'method', w);
      if (method !== 'ReplaceDocuments' && method !== 'UpdateDocuments') {
        throw shapeError(w, `unknown method \`${method}\``);
      }
      return {
        kind: {
          type: 'documentAdditionOrUpdate',
          method: method === 'UpdateDocuments' ? 'update' : 'replace',
          primaryKey: optString(o, 'primary_key', w),
          documentsCount: expectUint(o, 'documents_count', w),
          allowIndexCreation: optBool(o, 'allow_index_creation', w, true),
        },
      };
    }
    case 'documentDeletion':
      needIndex(indexUid, where, tag);
      return { kind: { type: 'documentDeletion', mode: 'ids', ids: expectStrings(body(), 'documents_ids', w) } };
    case 'documentClear':
      needIndex(indexUid, where, tag);
      return { kind: { type: 'documentDeletion', mode: 'clear' } };
    case 'documentDeletionByFilter': {
      needIndex(indexUid, where, tag);
      return { kind: { type: 'documentDeletion', mode: 'filter', filter: body().filter as Filter } };
    }
    case 'documentEdition': {
      needIndex(indexUid, where, tag);
      const o = body();
      return {
        kind: {
          type: 'documentEdition',
          filter: (o.filter ?? null) as Filter | null,
          context: o.context ?? null,
          function: expectString(o, 'function', w),
        },
      };
    }
    case 'settings': {
      needIndex(indexUid, where, tag);
      const o = body();
      const settings = expectObject(o.settings, `${w}.settings`);
      return {
        kind: {
          type: 'settingsUpdate',
          settings: settingsFromV6(settings).settings,
          isDeletion: optBool(o, 'is_deletion', w, false),
          allowIndexCreation: optBool(o, 'allow_index_creation', w, true),
        },
      };
    }
    case 'indexDeletion':
      needIndex(indexUid, where, tag);
      return { kind: { type: 'indexDeletion' } };
    case 'indexCreation':
      needIndex(indexUid, where, tag);
      return { kind: { type: 'indexCreation', primaryKey: optString(body(), 'primary_key', w) } };
    case 'indexUpdate': {
      needIndex(indexUid, where, tag);
      const o = body();
      return { kind: { type: 'indexUpdate', primaryKey: optString(o, 'primary_key', w), newIndexUid: optString(o, 'uid', w) } };
    }
    case 'indexSwap': {
      const swaps = body().swaps;
      if (!Array.isArray(swaps)) throw shapeError(w, '`swaps` must be an array');
      return { kind: { type: 'indexSwap', swaps: swaps.map((s, i) => readSwap(s, `${w}.swaps[${i}]`)) } };
    }
    case 'taskCancelation':
    case 'tasksDeletion': {
      const o = body();
      const query = expectString(o, 'query', w);
      const tasks = decodeRoaringJson(o.tasks);
      return { kind: { type: tag === 'taskCancelation' ? 'taskCancelation' : 'taskDeletion', query, tasks } };
    }
    case 'dumpCreation':
      return { kind: { type: 'dumpCreation' } };
    case 'snapshotCreation':
      return { kind: { type: 'snapshotCreation' } };
    case 'upgradeDatabase': {
      const from = body().from;
      if (!Array.isArray(from) || from.length !== 3 || !from.every((n) => Number.isInteger(n) && n >= 0)) {
        throw shapeError(w, '`from` must be a [major, minor, patch] array');
      }
      return { kind: { type: 'upgradeDatabase', from: [from[0], from[1], from[2]] as [number, number, number] } };
    }
    case 'indexCompaction':
      return { kind: { type: 'indexCompaction' } };
    case 'export':
      return { kind: { type: 'export', payload: content } };
    default:
      return { skip: `task kind \`${tag}\` is not supported by pocketsearch` };
  }
}

function readSwap(v: unknown, where: string): IndexSwap {
  const o = expectObject(v, where);
  const idx = o.indexes;
  if (!Array.isArray(idx) || idx.length !== 2 || !idx.every((x) => typeof x === 'string')) {
    throw shapeError(where, '`indexes` must be a pair of index uids');
  }
  const swap: IndexSwap = { indexes: [idx[0] as string, idx[1] as string] };
  if (o.rename === true) swap.rename = true;
  return swap;
}
