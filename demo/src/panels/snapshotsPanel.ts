/**
 * Snapshots panel: the schedule (`scheduleSnapshot`, applied by restarting the engine; the first snapshot is
 * taken at launch), a snapshot now, the latest snapshot's time and size with a download, a restart of the
 * whole app from it, and a database rebuilt from an uploaded snapshot file (same engine version only).
 */
import { progressFraction, progressLabel } from '../app/backupApi.ts';
import { snapshotInterval, type Session } from '../app/session.ts';
import { button, errorText, h, replaceChildren, setMessage } from '../ui/dom.ts';
import { makeDropZone } from '../ui/dropZone.ts';
import { formatBytes, formatDateTime, formatSeconds } from '../ui/format.ts';
import { progressView } from '../ui/progress.ts';

const INTERVALS: [number, string][] = [
  [0, 'Off'],
  [60, 'Every minute'],
  [600, 'Every 10 minutes'],
  [3600, 'Every hour'],
  [86400, 'Every day'],
];

const REFRESH_MS = 3000;

export function mountSnapshotsPanel(details: HTMLDetailsElement, container: HTMLElement, session: Session): { refresh(): Promise<void> } {
  const message = h('p', { class: 'message', id: 'snapshot-message' });
  const progress = progressView('snapshot-progress', 'Snapshot progress');

  const current = snapshotInterval();
  const intervals = INTERVALS.some(([s]) => s === current) ? INTERVALS : [...INTERVALS, [current, `Every ${formatSeconds(current)}`] as [number, string]];
  const select = h('select', { id: 'snapshot-interval' }, ...intervals.map(([s, label]) => h('option', { value: s, selected: s === current }, label)));
  const apply = button('Apply (restarts the engine)', async () => {
    apply.disabled = true;
    try {
      await session.setSnapshotInterval(Number(select.value));
      setMessage(message, Number(select.value) ? 'Schedule applied: a first snapshot is taken now, then one per interval.' : 'Scheduled snapshots are off.', 'success');
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    } finally {
      apply.disabled = false;
      await refresh();
    }
  });

  const info = h('dl', { class: 'snapshot-info', id: 'snapshot-info' });
  const createButton = button('Create a snapshot now', () => void create(), { id: 'create-snapshot' });
  const downloadButton = button('Download', () => void download(), { id: 'download-snapshot', disabled: true });
  const restartButton = button('Restart the app from this snapshot', () => void restartFromLatest(), { id: 'restart-from-snapshot', disabled: true });

  let upload: File | null = null;
  const uploadInput = h('input', { type: 'file', id: 'snapshot-upload' });
  const chosen = h('p', { class: 'chosen-file', 'aria-live': 'polite' }, 'No snapshot chosen.');
  const rebuildButton = button('Replace the database with this snapshot', () => void rebuild(), { id: 'rebuild-from-snapshot', disabled: true });
  const choose = (f: File) => {
    upload = f;
    chosen.textContent = `${f.name} (${formatBytes(f.size)})`;
    rebuildButton.disabled = false;
  };
  uploadInput.addEventListener('change', () => {
    const f = uploadInput.files?.[0];
    if (f) choose(f);
  });
  const zone = h('div', { class: 'dropzone' }, h('label', { for: 'snapshot-upload' }, 'Choose a snapshot file'), uploadInput, h('p', { class: 'muted' }, '…or drop one here.'), chosen);
  makeDropZone(zone, choose);

  let latestName: string | null = null;

  async function refresh(): Promise<void> {
    try {
      const latest = await session.client.getSnapshotInfo();
      latestName = latest?.name ?? null;
      downloadButton.disabled = restartButton.disabled = latest === null;
      replaceChildren(
        info,
        ...(latest
          ? [
              h('div', {}, h('dt', {}, 'Latest snapshot'), h('dd', { 'data-snapshot-name': latest.name }, latest.name)),
              h('div', {}, h('dt', {}, 'Taken'), h('dd', { id: 'snapshot-time' }, formatDateTime(latest.createdAt))),
              h('div', {}, h('dt', {}, 'Size'), h('dd', { id: 'snapshot-size' }, formatBytes(latest.size))),
              h('div', {}, h('dt', {}, 'Engine version'), h('dd', {}, latest.engineVersion)),
            ]
          : [h('div', {}, h('dt', {}, 'Latest snapshot'), h('dd', {}, 'none yet'))]),
      );
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
  }

  async function create(): Promise<void> {
    createButton.disabled = true;
    const stop = session.onProgress((p) => {
      if (p.operation === 'snapshotWrite') progress.update(progressLabel(p), progressFraction(p));
    });
    progress.update('Snapshot task enqueued…', null);
    try {
      const task = await session.client.createSnapshot().waitTask({ timeout: 600_000 });
      if (task.status !== 'succeeded') throw new Error(`The snapshot ${task.status}: ${task.error?.message ?? ''}`);
      progress.update('Snapshot written.', 1);
      setMessage(message, `Snapshot written (task ${task.uid}).`, 'success');
    } catch (e) {
      progress.hide();
      setMessage(message, errorText(e), 'error');
    } finally {
      stop();
      createButton.disabled = false;
      await refresh();
    }
  }

  async function download(): Promise<void> {
    try {
      await session.client.downloadSnapshot({ method: 'anchor' });
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
  }

  function restartFromLatest(): void {
    if (latestName) session.restartAppFromSnapshot(latestName);
  }

  async function rebuild(): Promise<void> {
    if (!upload) return;
    rebuildButton.disabled = true;
    const stop = session.onProgress((p) => {
      if (p.operation === 'snapshotRestore') progress.update(progressLabel(p), progressFraction(p));
    });
    progress.update(`Restoring ${upload.name}…`, null);
    try {
      await session.rebuildFrom({ importSnapshot: upload });
      progress.update('Database restored from the snapshot.', 1);
      setMessage(message, `Database restored from ${upload.name}.`, 'success');
    } catch (e) {
      progress.hide();
      setMessage(message, `Restore refused, the database is unchanged: ${errorText(e)}`, 'error');
    } finally {
      stop();
      rebuildButton.disabled = false;
      await refresh();
    }
  }

  container.append(
    h('p', {}, 'A snapshot is an exact copy of the database in one file (OPFS): restoring it needs no re-indexing. Only the latest is kept.'),
    h('div', { class: 'field inline' }, h('label', { for: 'snapshot-interval' }, 'Scheduled snapshots'), select, apply),
    createButton,
    progress.element,
    message,
    info,
    h('div', { class: 'actions' }, downloadButton, restartButton),
    h('h3', {}, 'Restore from a snapshot file'),
    h('p', { class: 'muted' }, 'Snapshots only restore into the same engine version: use dumps to migrate.'),
    zone,
    rebuildButton,
  );
  session.onChange(() => void refresh());
  // Scheduled snapshots are taken in the background: show each one when it is done, and poll while open.
  session.onProgress((p) => {
    if (p.operation === 'snapshotWrite' && p.phase === 'done') void refresh();
  });
  window.setInterval(() => {
    if (details.open && document.visibilityState === 'visible') void refresh();
  }, REFRESH_MS);
  return { refresh };
}
