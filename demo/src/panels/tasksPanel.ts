/** Tasks panel: the latest tasks, refreshed every second while the panel is open. */
import type { Task } from 'pocketsearch';
import type { Session } from '../app/session.ts';
import { button, errorText, h, replaceChildren, setMessage } from '../ui/dom.ts';
import { formatDateTime, formatIsoDuration, formatNumber } from '../ui/format.ts';

const SHOWN = 50;
const REFRESH_MS = 1000;

function taskRow(task: Task): HTMLTableRowElement {
  const details = task.details ?? {};
  const detail =
    typeof details['receivedDocuments'] === 'number'
      ? `${formatNumber(details['receivedDocuments'] as number)} docs`
      : typeof details['dumpUid'] === 'string'
        ? String(details['dumpUid'])
        : '';
  return h(
    'tr',
    { 'data-status': task.status, 'data-type': task.type },
    h('td', {}, String(task.uid)),
    h('td', {}, task.type, detail ? h('span', { class: 'muted' }, ` · ${detail}`) : null),
    h('td', {}, task.indexUid ?? '—'),
    h('td', {}, h('span', { class: `status status-${task.status}` }, task.status)),
    h('td', {}, formatIsoDuration(task.duration)),
    h('td', {}, formatDateTime(task.enqueuedAt)),
    h('td', { class: 'task-error' }, task.error ? `${task.error.code}: ${task.error.message}` : ''),
  );
}

export function mountTasksPanel(details: HTMLDetailsElement, container: HTMLElement, session: Session): { refresh(): Promise<void> } {
  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const message = h('p', { class: 'message' });
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'tasks-table' },
    h('caption', { class: 'visually-hidden' }, 'Latest tasks'),
    h('thead', {}, h('tr', {}, ...['Uid', 'Type', 'Index', 'Status', 'Duration', 'Enqueued', 'Error'].map((c) => h('th', { scope: 'col' }, c)))),
    body,
  );
  let busy = false;

  async function refresh(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      const tasks = await session.client.getTasks({ limit: SHOWN });
      replaceChildren(body, ...tasks.results.map(taskRow));
      const active = tasks.results.filter((t) => t.status === 'enqueued' || t.status === 'processing').length;
      summary.textContent = `${formatNumber(tasks.total)} tasks in all${active ? ` · ${active} waiting or processing` : ''} · showing the latest ${Math.min(SHOWN, tasks.results.length)}`;
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    } finally {
      busy = false;
    }
  }

  const clear = button('Delete finished tasks', async () => {
    try {
      await session.client.deleteTasks({ statuses: ['succeeded', 'failed', 'canceled'] }).waitTask();
      await refresh();
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
  });

  container.append(summary, h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Tasks' }, table), clear, message);
  window.setInterval(() => {
    if (details.open && document.visibilityState === 'visible') void refresh();
  }, REFRESH_MS);
  details.addEventListener('toggle', () => {
    if (details.open) void refresh();
  });
  session.onChange(() => void refresh());
  return { refresh };
}
