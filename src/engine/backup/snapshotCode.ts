/** The snapshot code the engine loads on first use (see `lazyBackupCode.ts`): import it only from there. */
export { writeSnapshot } from '../../backup/snapshot/snapshotWriter.ts';
export { readSnapshotHeader, restoreSnapshot } from '../../backup/snapshot/snapshotReader.ts';
export { snapshotView } from './snapshotView.ts';
