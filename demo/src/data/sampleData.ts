/**
 * First run: downloads the bundled sample (3,200 movies from the `vega-datasets` npm package, cleaned at build
 * time into `data/movies.json`), sets the index's settings and indexes the documents, with progress.
 */
import type { PocketClient } from 'pocketsearch';
import type { ProgressView } from '../ui/progress.ts';
import { formatBytes, formatNumber } from '../ui/format.ts';
import { readWithProgress } from './fetchWithProgress.ts';
import { indexDocuments } from './indexDocuments.ts';
import { MOVIE_SETTINGS, MOVIES_INDEX, MOVIES_URL } from './movieSettings.ts';

export async function loadSampleData(client: PocketClient, progress: ProgressView): Promise<number> {
  progress.update('Downloading the sample movies…', null);
  const response = await fetch(new URL(MOVIES_URL, document.baseURI));
  if (!response.ok) throw new Error(`Could not download the sample data (${response.status} ${response.statusText}).`);
  const bytes = await readWithProgress(response, (loaded, total) =>
    progress.update(`Downloading the sample movies… ${formatBytes(loaded)}${total ? ` of ${formatBytes(total)}` : ''}`, total ? loaded / total : null),
  );
  const movies = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>[];
  const index = client.index(MOVIES_INDEX);
  await index.updateSettings(MOVIE_SETTINGS);
  const { failed } = await indexDocuments(index, movies, { primaryKey: 'id' }, (done, total) =>
    progress.update(`Indexing ${formatNumber(movies.length)} movies… ${done} of ${total} batches`, total ? done / total : null),
  );
  if (failed.length) throw new Error(`Indexing failed: ${failed[0].error?.message ?? failed[0].status}`);
  progress.update(`Indexed ${formatNumber(movies.length)} movies.`, 1);
  return movies.length;
}
