/** The dump code the engine loads on first use (see `lazyBackupCode.ts`): import it only from there. */
export { exportDump } from '../../backup/dump/exportDump.ts';
export { importDump } from '../../backup/dump/importDump.ts';
export { EngineDumpSource } from './engineDumpSource.ts';
export { EngineDumpTarget } from './engineDumpTarget.ts';
