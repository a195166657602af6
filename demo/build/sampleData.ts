/**
 * Prepares the demo's sample data: the 3,201 movies of the `vega-datasets` npm package, cleaned into a compact
 * JSON array that `sampleDataPlugin.ts` serves at `data/movies.json` (dev server) or emits there (build).
 *
 * Cleaning: ids are added (the source has none), titles are always strings (a few are numbers, e.g. `1941`),
 * field names become camelCase, release dates become ISO dates plus a `year`, and the dataset's known two-digit
 * year bug is undone (dates such as `Dec 15 2039` for *Gone with the Wind* are 1939: the data ends in 2011),
 * and unknown values are left out rather than stored as `null` (about a third smaller).
 */
import { readFileSync } from 'node:fs';

/** One movie as the demo indexes it. */
export interface SampleMovie {
  id: number;
  title: string;
  releaseDate: string;
  year: number;
  director?: string;
  genre?: string;
  creativeType?: string;
  source?: string;
  mpaaRating?: string;
  distributor?: string;
  runtime?: number;
  imdbRating?: number;
  imdbVotes?: number;
  rottenTomatoesRating?: number;
  productionBudget?: number;
  worldwideGross?: number;
}

type Raw = Record<string, unknown>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LAST_YEAR_OF_DATA = 2011;

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** `"Jun 12 1998"` → `{ iso: "1998-06-12", year: 1998 }`, undoing the 20xx-for-19xx bug of the source. */
export function parseReleaseDate(value: string): { iso: string; year: number } | null {
  const m = /^([A-Z][a-z]{2}) (\d{2}) (\d{4})$/.exec(value.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]);
  if (month < 0) return null;
  let year = Number(m[3]);
  if (year > LAST_YEAR_OF_DATA) year -= 100;
  return { iso: `${year}-${String(month + 1).padStart(2, '0')}-${m[2]}`, year };
}

/** Cleans the raw vega-datasets movies; rows without a title or a readable date are dropped. */
export function cleanMovies(raw: readonly Raw[]): SampleMovie[] {
  const out: SampleMovie[] = [];
  for (const row of raw) {
    const title = text(row['Title']);
    const date = typeof row['Release Date'] === 'string' ? parseReleaseDate(row['Release Date']) : null;
    if (!title || !date) continue;
    const movie: Record<string, string | number | null> = {
      id: out.length + 1,
      title,
      releaseDate: date.iso,
      year: date.year,
      director: text(row['Director']),
      genre: text(row['Major Genre']),
      creativeType: text(row['Creative Type']),
      source: text(row['Source']),
      mpaaRating: text(row['MPAA Rating']),
      distributor: text(row['Distributor']),
      runtime: num(row['Running Time min']),
      imdbRating: num(row['IMDB Rating']),
      imdbVotes: num(row['IMDB Votes']),
      rottenTomatoesRating: num(row['Rotten Tomatoes Rating']),
      productionBudget: num(row['Production Budget']),
      worldwideGross: num(row['Worldwide Gross']),
    };
    for (const key of Object.keys(movie)) if (movie[key] === null) delete movie[key];
    out.push(movie as unknown as SampleMovie);
  }
  return out;
}

/** The cleaned movies of the raw vega-datasets file at `sourcePath`, as the JSON text the demo downloads. */
export function sampleMoviesJson(sourcePath: string): string {
  return JSON.stringify(cleanMovies(JSON.parse(readFileSync(sourcePath, 'utf8')) as Raw[]));
}
