/** Progress reports of dump and snapshot operations, as the panels show them. */
import type { ClientOptions } from 'pocketsearch';
import { formatBytes, formatNumber } from '../ui/format.ts';

/** One report of `createClient({ onProgress })`: `{operation, phase, bytes, totalBytes?, documents?, records?, …}`. */
export type EngineProgress = Parameters<NonNullable<ClientOptions['onProgress']>>[0];

/** A fraction in [0, 1] when the report allows one (`null`: show an indeterminate bar). */
export function progressFraction(p: EngineProgress): number | null {
  if (p.phase === 'done') return 1;
  if (p.totalRecords && p.records !== undefined) return p.records / p.totalRecords;
  if (p.totalBytes) return p.bytes / p.totalBytes;
  return null;
}

const OPERATIONS: Record<EngineProgress['operation'], string> = {
  dumpExport: 'Writing the dump',
  dumpImport: 'Importing the dump',
  snapshotWrite: 'Writing the snapshot',
  snapshotRestore: 'Restoring the snapshot',
};

/** "Importing the dump: indexing movies, 2,000 documents, 1.2 MiB of 3.4 MiB" */
export function progressLabel(p: EngineProgress): string {
  const parts: string[] = [p.phase === 'done' ? 'done' : p.phase + (p.indexUid ? ` ${p.indexUid}` : '')];
  if (p.documents !== undefined) parts.push(`${formatNumber(p.documents)} documents`);
  if (p.records !== undefined) parts.push(`${formatNumber(p.records)}${p.totalRecords ? ` of ${formatNumber(p.totalRecords)}` : ''} records`);
  parts.push(`${formatBytes(p.bytes)}${p.totalBytes ? ` of ${formatBytes(p.totalBytes)}` : ''}`);
  return `${OPERATIONS[p.operation]}: ${parts.join(', ')}`;
}
