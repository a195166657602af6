/**
 * The pocketsearch demo: starts the engine (a Web Worker over IndexedDB, through the public `pocketsearch`
 * API), loads the sample movies on first run, and mounts the search screen and the tool panels.
 */
import './styles.css';
import { ENGINE_VERSION } from 'pocketsearch';
import { progressFraction, progressLabel } from './app/backupApi.ts';
import { Session } from './app/session.ts';
import { loadSampleData } from './data/sampleData.ts';
import { mountDataPanel } from './panels/dataPanel.ts';
import { mountDumpsPanel } from './panels/dumpsPanel.ts';
import { mountHttpPanel } from './panels/httpPanel.ts';
import { mountSnapshotsPanel } from './panels/snapshotsPanel.ts';
import { mountStoragePanel } from './panels/storagePanel.ts';
import { mountTasksPanel } from './panels/tasksPanel.ts';
import { announceDatabase, setUpPwa } from './pwa/pwa.ts';
import { SearchUi } from './search/searchUi.ts';
import { byId, errorText, setMessage } from './ui/dom.ts';
import { progressView } from './ui/progress.ts';

async function main(): Promise<void> {
  setUpPwa(byId('badges', HTMLElement));
  const status = byId('engine-status', HTMLElement);
  const bootMessage = byId('boot-message', HTMLElement);
  const progress = progressView('boot-progress', 'Start-up progress');
  byId('boot', HTMLElement).append(progress.element);
  progress.update('Starting the engine…', null);

  const { session, bootError } = await Session.open((p) => progress.update(progressLabel(p), progressFraction(p)));
  announceDatabase(session.name);
  session.onChange(() => announceDatabase(session.name));
  status.textContent = `pocketsearch ${ENGINE_VERSION}`;
  if (bootError) setMessage(bootMessage, `Could not restart from the snapshot; the previous database is in use: ${errorText(bootError)}`, 'error');

  const { results } = await session.client.getIndexes({ limit: 1 });
  if (results.length === 0) {
    await loadSampleData(session.client, progress);
  }
  progress.hide();
  if (!bootError) bootMessage.textContent = '';

  const search = new SearchUi(session);
  await search.refreshIndexes();

  const panel = (id: string) => ({ details: byId(id, HTMLDetailsElement), body: byId(`${id}-body`, HTMLElement) });
  const data = panel('panel-data');
  mountDataPanel(data.body, session, { indexed: (uid) => search.refreshIndexes(uid) });
  const tasks = panel('panel-tasks');
  mountTasksPanel(tasks.details, tasks.body, session);
  const dumps = mountDumpsPanel(panel('panel-dumps').body, session);
  const snapshotsPanel = panel('panel-snapshots');
  const snapshots = mountSnapshotsPanel(snapshotsPanel.details, snapshotsPanel.body, session);
  const storage = panel('panel-storage');
  mountStoragePanel(storage.details, storage.body);
  mountHttpPanel(panel('panel-http').body, session, () => search.currentIndexUid);
  await Promise.all([dumps.refresh(), snapshots.refresh()]);

  // Narrow screens: filters start folded so the first results show without scrolling.
  if (window.matchMedia('(max-width: 720px)').matches) byId('filters-details', HTMLDetailsElement).open = false;
  document.body.dataset.ready = 'true';
}

main().catch((e: unknown) => {
  const message = document.getElementById('boot-message');
  if (message) setMessage(message, `The demo could not start: ${errorText(e)}`, 'error');
  document.body.dataset.ready = 'error';
  console.error(e);
});
