/**
 * Data panel: reload the sample movies; import a JSON, NDJSON or CSV file (file picker or drag and drop) into
 * an index, with a progress bar over reading, parsing and indexing.
 */
import type { Session } from '../app/session.ts';
import { loadSampleData } from '../data/sampleData.ts';
import { readStream } from '../data/fetchWithProgress.ts';
import { indexDocuments } from '../data/indexDocuments.ts';
import { formatName, INDEX_UID_PATTERN, indexUidFromFileName, parseDocuments } from '../data/parseDocuments.ts';
import { button, errorText, h, setMessage } from '../ui/dom.ts';
import { makeDropZone } from '../ui/dropZone.ts';
import { formatBytes, formatNumber } from '../ui/format.ts';
import { progressView } from '../ui/progress.ts';

export interface DataPanelEvents {
  /** Documents were added to `uid`: show it. */
  indexed(uid: string): Promise<void>;
}

export function mountDataPanel(container: HTMLElement, session: Session, events: DataPanelEvents): void {
  const sampleProgress = progressView('sample-progress', 'Sample data progress');
  const sampleMessage = h('p', { class: 'message' });
  const reload = button('Reload the sample movies', async () => {
    reload.disabled = true;
    try {
      const n = await loadSampleData(session.client, sampleProgress);
      setMessage(sampleMessage, `Indexed ${formatNumber(n)} movies into \`movies\`.`, 'success');
      await events.indexed('movies');
    } catch (e) {
      setMessage(sampleMessage, errorText(e), 'error');
    } finally {
      reload.disabled = false;
    }
  });

  let file: File | null = null;
  const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.json,.ndjson,.jsonl,.csv,.tsv,application/json,application/x-ndjson,text/csv' });
  const chosen = h('p', { class: 'chosen-file', 'aria-live': 'polite' }, 'No file chosen.');
  const uidInput = h('input', {
    type: 'text',
    id: 'import-index',
    autocomplete: 'off',
    spellcheck: 'false',
    pattern: INDEX_UID_PATTERN,
    maxlength: 400,
    title: 'Letters a–z and A–Z, digits, - and _ (1 to 400 characters)',
    required: true,
  });
  const pkInput = h('input', { type: 'text', id: 'import-primary-key', autocomplete: 'off', spellcheck: 'false', placeholder: 'inferred (a field ending in “id”)' });
  const facetsInput = h('input', { type: 'text', id: 'import-facets', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. genre, year' });
  const progress = progressView('import-progress', 'Import progress');
  const message = h('p', { class: 'message' });
  const importButton = h('button', { type: 'submit', id: 'import-button', disabled: true }, 'Import');

  const choose = (f: File) => {
    file = f;
    chosen.textContent = `${f.name} (${formatBytes(f.size)})`;
    uidInput.value = indexUidFromFileName(f.name);
    pkInput.value = ''; // per file: a new file starts from inference again
    importButton.disabled = false;
    message.textContent = '';
  };
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) choose(f);
  });

  const zone = h(
    'div',
    { class: 'dropzone', id: 'import-dropzone' },
    h('label', { for: 'import-file' }, 'Choose a JSON, NDJSON or CSV file'),
    fileInput,
    h('p', { class: 'muted' }, '…or drop one here.'),
    chosen,
  );
  makeDropZone(zone, choose);

  const form = h(
    'form',
    { class: 'import-form', 'aria-label': 'Import documents' },
    zone,
    h('div', { class: 'field' }, h('label', { for: 'import-index' }, 'Index'), uidInput),
    h('div', { class: 'field' }, h('label', { for: 'import-primary-key' }, 'Primary key (optional)'), pkInput),
    h('div', { class: 'field' }, h('label', { for: 'import-facets' }, 'Facet fields (optional, comma-separated)'), facetsInput),
    importButton,
    progress.element,
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file || !form.reportValidity()) return;
    importButton.disabled = true;
    try {
      const uid = uidInput.value.trim();
      const n = await importFile(session, file, uid, pkInput.value.trim(), facetsInput.value, progress);
      setMessage(message, `Imported ${formatNumber(n)} document${n === 1 ? '' : 's'} into \`${uid}\`.`, 'success');
      await events.indexed(uid);
    } catch (e) {
      progress.hide();
      setMessage(message, errorText(e), 'error');
    } finally {
      importButton.disabled = false;
    }
  });

  container.append(
    h('h3', {}, 'Sample data'),
    h('p', {}, 'About 3,200 movies from the ', h('code', {}, 'vega-datasets'), ' npm package, indexed on first run into the ', h('code', {}, 'movies'), ' index.'),
    reload,
    sampleProgress.element,
    sampleMessage,
    h('h3', {}, 'Import your own documents'),
    form,
  );
}

async function importFile(session: Session, file: File, uid: string, primaryKey: string, facets: string, progress: ReturnType<typeof progressView>): Promise<number> {
  progress.update(`Reading ${file.name}…`, 0);
  const bytes = await readStream(file.stream(), file.size, (loaded, total) =>
    progress.update(`Reading ${file.name}… ${formatBytes(loaded)} of ${formatBytes(total ?? file.size)}`, total ? loaded / total : null),
  );
  progress.update('Parsing…', null);
  const { format, documents } = parseDocuments(file.name, bytes);
  if (!documents.length) throw new Error(`${file.name} holds no documents.`);
  const index = session.client.index(uid);
  const facetFields = facets
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (facetFields.length) await index.updateSettings({ filterableAttributes: facetFields });
  const { failed } = await indexDocuments(index, documents, primaryKey ? { primaryKey } : {}, (done, total) =>
    progress.update(`Indexing ${formatNumber(documents.length)} documents (${formatName(format)})… ${done} of ${total} batches`, total ? done / total : null),
  );
  if (failed.length) throw new Error(`Indexing failed: ${failed[0].error?.message ?? failed[0].status}`);
  progress.update(`Indexed ${formatNumber(documents.length)} documents.`, 1);
  return documents.length;
}
