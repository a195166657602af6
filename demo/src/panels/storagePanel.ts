/** Storage panel: `navigator.storage.estimate()` (usage, quota, per kind in Chromium) and `persist()`. */
import { button, errorText, h, replaceChildren, setMessage } from '../ui/dom.ts';
import { formatBytes } from '../ui/format.ts';

interface EstimateWithDetails extends StorageEstimate {
  usageDetails?: Record<string, number>;
}

export function mountStoragePanel(details: HTMLDetailsElement, container: HTMLElement): { refresh(): Promise<void> } {
  const list = h('dl', { class: 'storage-info', id: 'storage-info' });
  const meter = h('meter', { id: 'storage-meter', min: 0, max: 1, value: 0, 'aria-label': 'Storage used of the quota' });
  const message = h('p', { class: 'message', id: 'storage-message' });
  const supported = typeof navigator !== 'undefined' && 'storage' in navigator && typeof navigator.storage.estimate === 'function';

  async function refresh(): Promise<void> {
    if (!supported) {
      replaceChildren(list, h('div', {}, h('dt', {}, 'Storage'), h('dd', {}, 'This browser does not report storage use.')));
      return;
    }
    try {
      const estimate = (await navigator.storage.estimate()) as EstimateWithDetails;
      const persisted = typeof navigator.storage.persisted === 'function' ? await navigator.storage.persisted() : false;
      const usage = estimate.usage ?? 0;
      const quota = estimate.quota ?? 0;
      meter.value = quota ? usage / quota : 0;
      const rows: [string, string][] = [
        ['Used', formatBytes(usage)],
        ['Quota', formatBytes(quota)],
        ...Object.entries(estimate.usageDetails ?? {}).map(([kind, bytes]): [string, string] => [`… ${kind}`, formatBytes(bytes)]),
        ['Persistent', persisted ? 'yes: the browser will not evict this site’s data' : 'no: the browser may evict it under storage pressure'],
      ];
      replaceChildren(list, ...rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
  }

  const persist = button('Ask to persist storage', async () => {
    try {
      const granted = await navigator.storage.persist();
      setMessage(message, granted ? 'Storage is persistent.' : 'The browser declined (it decides from engagement, installation or bookmarks).', granted ? 'success' : 'info');
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    }
    await refresh();
  }, { id: 'persist-storage', disabled: !supported || typeof navigator.storage.persist !== 'function' });

  container.append(meter, list, h('div', { class: 'actions' }, persist, button('Refresh', () => void refresh())), message);
  details.addEventListener('toggle', () => {
    if (details.open) void refresh();
  });
  return { refresh };
}
