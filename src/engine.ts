/**
 * `pocketsearch/engine`: the environment-agnostic core (Node ≥ 20, workers, service workers).
 *
 * @example
 * ```ts
 * import { createEngine } from 'pocketsearch/engine';
 * const engine = await createEngine({ storage: 'memory' });
 * await engine.index('movies').addDocuments([{ id: 1, title: 'Carol' }]).waitTask();
 * console.log((await engine.index('movies').search('car')).hits);
 * ```
 *
 * @module pocketsearch/engine
 */
export { createEngine, Engine, type EngineOptions, type EnqueuedTaskPromise } from './engine/engine.ts';
export { EngineTaskMethods } from './engine/engineMethods/taskMethods.ts';
export { EngineBackupMethods } from './engine/engineMethods/backupMethods.ts';
export { Index } from './engine/indexHandle.ts';
export { AttributeSettingsShortcuts } from './engine/settingsShortcuts/attributeSettings.ts';
export { TextSettingsShortcuts } from './engine/settingsShortcuts/textSettings.ts';
export { SearchSettingsShortcuts } from './engine/settingsShortcuts/searchSettings.ts';
export { EngineError, TaskTimeoutError, type ErrorObject } from './errors/engineError.ts';
export type { ErrorCode } from './errors/errorCodes.ts';
export type { BackupHooks } from './engine/engineContext.ts';
export type * from './engine/types/indexes.ts';
export type * from './engine/types/search.ts';
export type * from './engine/types/settings.ts';
export type * from './engine/types/tasks.ts';
export { ENGINE_VERSION } from './version.ts';
export { MemoryBackupStorage, type BackupStorage, type DumpFileInfo, type SnapshotFileInfo } from './engine/backup/backupStorage.ts';
export type { BackupOptions } from './engine/backup/backupOptions.ts';
export type { BackupProgress, BackupOperation } from './engine/backup/backupProgress.ts';
export type { DumpStatus, ImportDumpOptions } from './engine/backup/engineBackups.ts';
