/**
 * Task details as Meilisearch shows them (camelCase, DetailsView key order): the initial details of an enqueued
 * task, and the zeroed counters of a failed or canceled one.
 */
import { settingsUpdateDetails } from '../settings/applySettings.ts';
import type { TaskDetails } from '../types/tasks.ts';
import type { TaskKind } from './taskRecord.ts';

export function initialDetails(kind: TaskKind): TaskDetails | null {
  switch (kind.type) {
    case 'documentAdditionOrUpdate':
      return { receivedDocuments: kind.documentsCount, indexedDocuments: null };
    case 'documentEdition':
      return {
        deletedDocuments: null,
        editedDocuments: null,
        originalFilter: kind.filter === null ? null : JSON.stringify(kind.filter),
        context: kind.context ?? null,
        function: kind.function,
      };
    case 'documentDeletion':
      if (kind.mode === 'ids') return { providedIds: kind.ids.length, deletedDocuments: null, originalFilter: null };
      if (kind.mode === 'filter') return { providedIds: 0, deletedDocuments: null, originalFilter: JSON.stringify(kind.filter) };
      return { deletedDocuments: null };
    case 'indexDeletion':
      return { deletedDocuments: null };
    case 'settingsUpdate':
      return settingsUpdateDetails(kind.settings);
    case 'indexCreation':
      return { primaryKey: kind.primaryKey };
    case 'indexUpdate': {
      const d: TaskDetails = { primaryKey: kind.primaryKey };
      if (kind.newIndexUid !== null) d.newIndexUid = kind.newIndexUid;
      return d;
    }
    case 'indexSwap':
      return { swaps: kind.swaps.map((s) => ({ indexes: [...s.indexes], rename: s.rename ?? false })) };
    case 'taskCancelation':
      return { matchedTasks: kind.tasks.length, canceledTasks: null, originalFilter: kind.query };
    case 'taskDeletion':
      return { matchedTasks: kind.tasks.length, deletedTasks: null, originalFilter: kind.query };
    case 'dumpCreation':
      return { dumpUid: null };
    case 'snapshotCreation':
      return null;
    case 'upgradeDatabase':
      return { upgradeFrom: `v${kind.from.join('.')}`, upgradeTo: 'v1.50.0' };
    case 'indexCompaction':
      return { preCompactionSize: null, postCompactionSize: null };
    default:
      return null;
  }
}

/** Details with counters set to 0, for failed and canceled tasks. */
export function failedDetails(details: TaskDetails | null): TaskDetails | null {
  if (!details) return details;
  const d = { ...details };
  for (const k of ['indexedDocuments', 'editedDocuments', 'deletedDocuments', 'canceledTasks', 'deletedTasks']) {
    if (k in d) d[k] = 0;
  }
  return d;
}

/** Index update details carry `oldIndexUid` (when renaming) before `newIndexUid`, as in DetailsView. */
export function indexUpdateDetails(primaryKey: string | null, oldIndexUid: string | null, newIndexUid: string | null): TaskDetails {
  const d: TaskDetails = { primaryKey };
  if (newIndexUid !== null) {
    d.oldIndexUid = oldIndexUid;
    d.newIndexUid = newIndexUid;
  }
  return d;
}
