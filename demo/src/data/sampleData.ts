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

/** The sentence shown when the sample cannot be used; `why` names the problem and the URL. */
export function sampleDataError(why: string): Error {
  return new Error(`The sample movies could not be loaded (${why}). Restart \`npm run demo\` (or rebuild with \`npm run build\`) and reload the page.`);
}

/**
 * What is wrong with the answer to the sample's URL, or `null` when it may be the file. A server that does not know
 * the file may still answer 200 with its `index.html` (a single-page-app fallback, as Vite's dev server does), hence
 * the HTML check; other types are let through (some static servers label JSON oddly) and the parse decides.
 */
export function sampleResponseProblem(url: string, status: number, contentType: string | null): string | null {
  if (status < 200 || status > 299) return `HTTP ${status} from ${url}`;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/html') return `${url} came back as an HTML page, not JSON: the server does not have the file`;
  return null;
}

export async function loadSampleData(client: PocketClient, progress: ProgressView): Promise<number> {
  progress.update('Downloading the sample movies…', null);
  let response: Response;
  try {
    response = await fetch(new URL(MOVIES_URL, document.baseURI));
  } catch {
    throw sampleDataError(`no answer from ${MOVIES_URL}: the server is down or the network is off`);
  }
  const problem = sampleResponseProblem(MOVIES_URL, response.status, response.headers.get('content-type'));
  if (problem) throw sampleDataError(problem);
  const bytes = await readWithProgress(response, (loaded, total) =>
    progress.update(`Downloading the sample movies… ${formatBytes(loaded)}${total ? ` of ${formatBytes(total)}` : ''}`, total ? loaded / total : null),
  );
  let movies: Record<string, unknown>[];
  try {
    movies = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>[];
  } catch {
    throw sampleDataError(`${MOVIES_URL} is not valid JSON`);
  }
  if (!Array.isArray(movies)) throw sampleDataError(`${MOVIES_URL} is not a list of movies`);
  const index = client.index(MOVIES_INDEX);
  await index.updateSettings(MOVIE_SETTINGS);
  const { failed } = await indexDocuments(index, movies, { primaryKey: 'id' }, (done, total) =>
    progress.update(`Indexing ${formatNumber(movies.length)} movies… ${done} of ${total} batches`, total ? done / total : null),
  );
  if (failed.length) throw new Error(`Indexing failed: ${failed[0].error?.message ?? failed[0].status}`);
  progress.update(`Indexed ${formatNumber(movies.length)} movies.`, 1);
  return movies.length;
}
