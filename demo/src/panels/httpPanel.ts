/**
 * HTTP panel: the official `meilisearch` JS client, unmodified, pointed at a Meilisearch URL
 * (`http://localhost:7700`). With the demo's service worker in control, its requests never leave the browser:
 * `pocketsearch/sw` answers them from the local engine (offline too). Without one (the dev server), the same
 * client goes through `pocketsearchHttpClient` from `pocketsearch/http` instead.
 */
import { pocketsearchHttpClient } from 'pocketsearch/http';
import type { Session } from '../app/session.ts';
import { MEILISEARCH_URL } from '../../sw/meilisearchUrl.ts';
import { errorText, h, setMessage } from '../ui/dom.ts';

export function mountHttpPanel(container: HTMLElement, session: Session, currentIndex: () => string | null): void {
  const query = h('input', { type: 'search', id: 'http-query', value: 'batman', autocomplete: 'off', spellcheck: 'false' });
  const run = h('button', { type: 'submit', id: 'http-search' }, 'Search with the meilisearch client');
  const route = h('p', { class: 'muted', id: 'http-route' });
  const output = h('pre', { class: 'http-output', id: 'http-output', tabindex: 0, 'aria-label': 'Response' });
  const message = h('p', { class: 'message' });
  const form = h(
    'form',
    { 'aria-label': 'Search through the Meilisearch HTTP API' },
    h('div', { class: 'field inline' }, h('label', { for: 'http-query' }, 'Query'), query, run),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const uid = currentIndex();
    if (!uid) return;
    run.disabled = true;
    try {
      const { Meilisearch } = await import('meilisearch');
      const viaServiceWorker = 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
      const meili = viaServiceWorker
        ? new Meilisearch({ host: MEILISEARCH_URL })
        : new Meilisearch({ host: MEILISEARCH_URL, httpClient: pocketsearchHttpClient(session.client) });
      const started = performance.now();
      const response = await meili.index(uid).search(query.value, { limit: 3, attributesToHighlight: [] });
      const ms = Math.round(performance.now() - started);
      route.textContent = viaServiceWorker
        ? `POST ${MEILISEARCH_URL}/indexes/${uid}/search — answered by the service worker (pocketsearch/sw) in ${ms} ms.`
        : `POST ${MEILISEARCH_URL}/indexes/${uid}/search — answered through pocketsearchHttpClient (no service worker in control) in ${ms} ms.`;
      output.textContent = JSON.stringify(response, null, 2);
      message.textContent = '';
    } catch (e) {
      setMessage(message, errorText(e), 'error');
    } finally {
      run.disabled = false;
    }
  });
  container.append(
    h('p', {}, 'The official ', h('code', {}, 'meilisearch'), ' client, unmodified, talks to ', h('code', {}, MEILISEARCH_URL), ': the demo’s service worker answers from this browser’s database, offline too.'),
    h('pre', { class: 'code' }, `import { Meilisearch } from 'meilisearch';\nconst meili = new Meilisearch({ host: '${MEILISEARCH_URL}' });\nawait meili.index('movies').search('batman', { limit: 3 });`),
    form,
    route,
    message,
    output,
  );
}
