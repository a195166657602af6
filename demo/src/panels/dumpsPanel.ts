/**
 * Dumps panel: create a dump (a `dumpCreation` task; status and progress while it runs), list the dumps kept in
 * OPFS with download and delete, and rebuild the database from an uploaded `.dump` (ours or a real
 * Meilisearch one, v1–v6) — imported at start-up into a fresh database, as `--import-dump` does.
 */
import { progressFraction, progressLabel } from '../app/backupApi.ts';
import type { Session } from '../app/session.ts';
import { button, errorText, h, replaceChildren, setMessage } from '../ui/dom.ts';
import { makeDropZone } from '../ui/dropZone.ts';
import { formatBytes, formatDateTime, formatIsoDuration } from '../ui/format.ts';
import { progressView } from '../ui/progress.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function mountDumpsPanel(container: HTMLElement, session: Session): { refresh(): Promise<void> } {
  const progress = progressView('dump-progress', 'Dump progress');
  const message = h('p', { class: 'message', id: 'dump-message' });
  const list = h('tbody');
  const createButton = button('Create a dump', () => void create(), { id: 'create-dump' });
  const table = h(
    'table',
    { class: 'dumps-table' },
    h('caption', { class: 'visually-hidden' }, 'Dumps'),
    h('thead', {}, h('tr', {}, ...['Dump', 'Size', 'Created', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
    list,
  );

  let upload: File | null = null;
  const uploadInput = h('input', { type: 'file', id: 'dump-upload', accept: '.dump,application/gzip' });
  const chosen = h('p', { class: 'chosen-file', 'aria-live': 'polite' }, 'No dump chosen.');
  const rebuildButton = button('Replace the database with this dump', () => void rebuild(), { id: 'rebuild-from-dump', disabled: true });
  const choose = (f: File) => {
    upload = f;
    chosen.textContent = `${f.name} (${formatBytes(f.size)})`;
    rebuildButton.disabled = false;
  };
  uploadInput.addEventListener('change', () => {
    const f = uploadInput.files?.[0];
    if (f) choose(f);
  });
  const zone = h('div', { class: 'dropzone' }, h('label', { for: 'dump-upload' }, 'Choose a .dump file'), uploadInput, h('p', { class: 'muted' }, '…or drop one here.'), chosen);
  makeDropZone(zone, choose);

  async function refresh(): Promise<void> {
    try {
      const entries = [...(await session.client.listDumps())].sort((a, b) => b.uid.localeCompare(a.uid));
      replaceChildren(
        list,
        ...(entries.length
          ? entries.map((d) =>
              h(
                'tr',
                { 'data-dump': d.uid },
                h('td', {}, h('code', {}, d.uid)),
                h('td', {}, formatBytes(d.size)),
                h('td', {}, formatDateTime(d.createdAt)),
                h('td', { class: 'actions' }, button('Download', () => void download(d.uid), { 'aria-label': `Download dump ${d.uid}` }), button('Delete', () => void remove(d.uid), { 'aria-label': `Delete dump ${d.uid}` })),
              ),
            )
          : [h('tr', {}, h('td', { colspan: 4, class: 'muted' }, 'No dump yet.'))]),
      );
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
  }

  async function create(): Promise<void> {
    createButton.disabled = true;
    const stop = session.onProgress((p) => {
      if (p.operation === 'dumpExport') progress.update(progressLabel(p), progressFraction(p));
    });
    try {
      const enqueued = await session.client.createDump();
      progress.update('Dump task enqueued…', null);
      for (;;) {
        const task = await session.client.getTask(enqueued.taskUid);
        const dumpUid = typeof task.details?.['dumpUid'] === 'string' ? (task.details['dumpUid'] as string) : null;
        if (dumpUid && task.status === 'processing') {
          const status = await session.client.getDumpStatus(dumpUid).catch(() => null);
          if (status) setMessage(message, `Dump ${dumpUid}: ${status.status}`, 'info');
        }
        if (task.status === 'succeeded') {
          progress.update('Dump written.', 1);
          setMessage(message, `Dump ${dumpUid ?? ''} is ready (task ${task.uid}, ${formatIsoDuration(task.duration)}).`, 'success');
          break;
        }
        if (task.status === 'failed' || task.status === 'canceled') {
          progress.hide();
          setMessage(message, `The dump ${task.status}: ${task.error?.message ?? ''}`, 'error');
          break;
        }
        if (task.status === 'enqueued') progress.update('Waiting for earlier tasks…', null);
        await sleep(200);
      }
    } catch (e) {
      progress.hide();
      setMessage(message, errorText(e), 'error');
    } finally {
      stop();
      createButton.disabled = false;
      await refresh();
    }
  }

  async function download(uid: string): Promise<void> {
    try {
      await session.client.downloadDump(uid, { method: 'anchor' });
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
  }

  async function remove(uid: string): Promise<void> {
    try {
      await session.client.deleteDump(uid);
      setMessage(message, `Dump ${uid} deleted.`, 'success');
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
    await refresh();
  }

  async function rebuild(): Promise<void> {
    if (!upload) return;
    rebuildButton.disabled = true;
    const stop = session.onProgress((p) => {
      if (p.operation === 'dumpImport') progress.update(progressLabel(p), progressFraction(p));
    });
    progress.update(`Importing ${upload.name}…`, null);
    try {
      await session.rebuildFrom({ importDump: upload });
      progress.update('Database rebuilt from the dump.', 1);
      setMessage(message, `Database rebuilt from ${upload.name}.`, 'success');
    } catch (e) {
      progress.hide();
      setMessage(message, `Import refused, the database is unchanged: ${errorText(e)}`, 'error');
    } finally {
      stop();
      rebuildButton.disabled = false;
    }
  }

  container.append(
    h('p', {}, 'A dump is a Meilisearch v6 ', h('code', {}, '.dump'), ' file: every index, document, setting and task, importable here and by a real Meilisearch.'),
    createButton,
    progress.element,
    message,
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Dumps' }, table),
    h('h3', {}, 'Rebuild from a dump'),
    h('p', { class: 'muted' }, 'Starts a fresh database and imports the dump into it (ours, or a real Meilisearch dump v1–v6). If the import fails, the current database stays.'),
    zone,
    rebuildButton,
  );
  session.onChange(() => void refresh());
  return { refresh };
}
