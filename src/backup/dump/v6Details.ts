/**
 * The `details` of a v6 `TaskDump` ("DETAILS"): externally tagged with PascalCase variant names and
 * snake_case fields (`{"DocumentAdditionOrUpdate":{"received_documents":1,"indexed_documents":1}}`).
 * pocketsearch stores the public camelCase details (`{"receivedDocuments":1,"indexedDocuments":1}`);
 * this module converts between the two, keeping Meilisearch's key order for the public form.
 */
import type { TaskKind } from '../../engine/tasks/taskRecord.ts';
import type { TaskDetails } from '../../engine/types/tasks.ts';
import { camelCase, enumTag, expectObject, isObject, type JsonObject } from './jsonShape.ts';

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function parseVersion(v: unknown): [number, number, number] | null {
  const m = typeof v === 'string' ? /^v?(\d+)\.(\d+)\.(\d+)/.exec(v) : null;
  return m ? [+m[1], +m[2], +m[3]] : null;
}

/**
 * Writes stored (camelCase) details as Meilisearch's `Details` for a task of kind `kind`.
 * Returns `undefined` when the task has no details (the field is then left out, as Meilisearch does).
 */
export function detailsToDump(kind: TaskKind, d: TaskDetails | null, indexUid: string | null): unknown {
  if (d === null) return undefined;
  switch (kind.type) {
    case 'documentAdditionOrUpdate':
      return {
        DocumentAdditionOrUpdate: {
          received_documents: num(d.receivedDocuments) ?? kind.documentsCount,
          indexed_documents: num(d.indexedDocuments),
        },
      };
    case 'documentEdition':
      return {
        DocumentEdition: {
          deleted_documents: num(d.deletedDocuments),
          edited_documents: num(d.editedDocuments),
          original_filter: str(d.originalFilter),
          context: isObject(d.context) ? d.context : null,
          function: str(d.function) ?? kind.function,
        },
      };
    case 'documentDeletion':
      if (kind.mode === 'ids') {
        return { DocumentDeletion: { provided_ids: num(d.providedIds) ?? kind.ids.length, deleted_documents: num(d.deletedDocuments) } };
      }
      if (kind.mode === 'filter') {
        return {
          DocumentDeletionByFilter: {
            original_filter: str(d.originalFilter) ?? JSON.stringify(kind.filter),
            deleted_documents: num(d.deletedDocuments),
          },
        };
      }
      return { ClearAll: { deleted_documents: num(d.deletedDocuments) } };
    case 'indexDeletion':
      return { ClearAll: { deleted_documents: num(d.deletedDocuments) } };
    case 'settingsUpdate':
      return { SettingsUpdate: { settings: d } };
    case 'indexCreation':
    case 'indexUpdate':
      return {
        IndexInfo: {
          primary_key: str(d.primaryKey),
          new_index_uid: str(d.newIndexUid),
          old_index_uid: str(d.oldIndexUid),
        },
      };
    case 'indexSwap': {
      const swaps = Array.isArray(d.swaps) ? d.swaps : kind.swaps;
      return {
        IndexSwap: {
          swaps: swaps.map((s: unknown) => {
            const o = isObject(s) ? s : {};
            return { indexes: o.indexes, rename: o.rename === true };
          }),
        },
      };
    }
    case 'taskCancelation':
      return {
        TaskCancelation: {
          matched_tasks: num(d.matchedTasks) ?? kind.tasks.length,
          canceled_tasks: num(d.canceledTasks),
          original_filter: str(d.originalFilter) ?? kind.query,
        },
      };
    case 'taskDeletion':
      return {
        TaskDeletion: {
          matched_tasks: num(d.matchedTasks) ?? kind.tasks.length,
          deleted_tasks: num(d.deletedTasks),
          original_filter: str(d.originalFilter) ?? kind.query,
        },
      };
    case 'dumpCreation':
      return { Dump: { dump_uid: str(d.dumpUid) } };
    case 'snapshotCreation':
      return undefined;
    case 'upgradeDatabase':
      return {
        UpgradeDatabase: { from: parseVersion(d.upgradeFrom) ?? kind.from, to: parseVersion(d.upgradeTo) ?? kind.from },
      };
    case 'indexCompaction':
      return { IndexCompaction: { index_uid: indexUid ?? '', pre_compaction_size: null, post_compaction_size: null } };
    case 'export':
      return {
        Export: { url: str(d.url) ?? '', api_key: null, payload_size: null, indexes: isObject(d.indexes) ? d.indexes : {} },
      };
  }
}

/** Reads Meilisearch's `Details` into the public camelCase details pocketsearch stores. */
export function detailsFromDump(value: unknown, where: string): TaskDetails {
  const [tag, content] = enumTag(value, where);
  const o: JsonObject = isObject(content) ? content : {};
  const has = (k: string): boolean => k in o && o[k] !== undefined;
  switch (tag) {
    case 'DocumentAdditionOrUpdate':
      return { receivedDocuments: o.received_documents ?? 0, indexedDocuments: o.indexed_documents ?? null };
    case 'SettingsUpdate':
      return { ...expectObject(o.settings ?? {}, `${where}.SettingsUpdate.settings`) };
    case 'IndexInfo': {
      const out: TaskDetails = { primaryKey: o.primary_key ?? null };
      if (typeof o.old_index_uid === 'string') out.oldIndexUid = o.old_index_uid;
      if (typeof o.new_index_uid === 'string') out.newIndexUid = o.new_index_uid;
      return out;
    }
    case 'DocumentDeletion':
      return { providedIds: o.provided_ids ?? 0, deletedDocuments: o.deleted_documents ?? null, originalFilter: null };
    case 'DocumentDeletionByFilter':
      return { providedIds: 0, deletedDocuments: o.deleted_documents ?? null, originalFilter: o.original_filter ?? null };
    case 'DocumentEdition':
      return {
        editedDocuments: o.edited_documents ?? null,
        deletedDocuments: o.deleted_documents ?? null,
        originalFilter: o.original_filter ?? null,
        context: o.context ?? null,
        function: o.function ?? '',
      };
    case 'ClearAll':
      return { deletedDocuments: o.deleted_documents ?? null };
    case 'TaskCancelation':
      return { matchedTasks: o.matched_tasks ?? 0, canceledTasks: o.canceled_tasks ?? null, originalFilter: o.original_filter ?? '' };
    case 'TaskDeletion':
      return { matchedTasks: o.matched_tasks ?? 0, deletedTasks: o.deleted_tasks ?? null, originalFilter: o.original_filter ?? '' };
    case 'Dump':
      return { dumpUid: o.dump_uid ?? null };
    case 'IndexSwap':
      return { swaps: o.swaps ?? [] };
    case 'UpgradeDatabase': {
      const v = (x: unknown): string | undefined => (Array.isArray(x) && x.length === 3 ? `v${x.join('.')}` : undefined);
      const out: TaskDetails = {};
      if (v(o.from)) out.upgradeFrom = v(o.from);
      if (v(o.to)) out.upgradeTo = v(o.to);
      return out;
    }
    case 'Export': {
      const out: TaskDetails = { url: o.url ?? '' };
      if (has('api_key') && o.api_key !== null) out.apiKey = o.api_key;
      if (has('payload_size') && o.payload_size !== null) out.payloadSize = o.payload_size;
      out.indexes = o.indexes ?? {};
      return out;
    }
    case 'IndexCompaction': {
      const out: TaskDetails = {};
      if (o.pre_compaction_size != null) out.preCompactionSize = o.pre_compaction_size;
      if (o.post_compaction_size != null) out.postCompactionSize = o.post_compaction_size;
      return out;
    }
    case 'NetworkTopologyChange':
      return { movedDocuments: o.moved_documents ?? 0, message: o.message ?? '' };
    default: {
      const out: TaskDetails = {};
      for (const [k, v] of Object.entries(o)) out[camelCase(k)] = v;
      return out;
    }
  }
}
