/**
 * What the search UI shows for an index, derived from its settings and one document: refinement lists for
 * filterable text fields, range filters for filterable numeric fields, sort options for sortable fields, and
 * which field is a hit's title. The sample movies get hand-written labels and sort options on top.
 */
import type { ClientIndex, Settings } from 'pocketsearch';
import { humanize } from '../ui/format.ts';
import { MOVIES_INDEX, MOVIE_LABELS, MOVIE_SORTS, MOVIE_CARD_FIELDS, MOVIE_EXAMPLES, MOVIE_RANGES } from '../data/movieSettings.ts';

export interface SortOption {
  /** The `sort` parameter, or `null` for relevance. */
  value: string | null;
  label: string;
}

export interface IndexProfile {
  uid: string;
  /** Noun for the stats line ("movies", "documents"). */
  noun: string;
  titleField: string | null;
  /** Fields shown under the title, in order. */
  cardFields: string[];
  facetFields: string[];
  rangeFields: string[];
  sorts: SortOption[];
  /** Queries the empty state suggests (the sample's; none for other indexes, whose content is unknown). */
  examples: string[];
  label(field: string): string;
}

/** Fields usable in a filter: plain names of `filterableAttributes` (patterns with `*` are skipped). */
function filterableFields(settings: Partial<Settings>): string[] {
  const out: string[] = [];
  for (const rule of settings.filterableAttributes ?? []) {
    if (typeof rule === 'string') {
      if (!rule.includes('*')) out.push(rule);
    } else {
      for (const pattern of rule.attributePatterns ?? []) if (!pattern.includes('*')) out.push(pattern);
    }
  }
  return out;
}

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  if (path in doc) return doc[path];
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Chooses the title: a `title`/`name`-like field, else the first searchable text field of the sample. */
export function chooseTitleField(sample: Record<string, unknown> | null, searchable: readonly string[]): string | null {
  if (!sample) return null;
  const keys = Object.keys(sample);
  const named = keys.find((k) => /^(title|name|label|subject|headline)$/i.test(k));
  if (named) return named;
  const candidates = searchable.includes('*') ? keys : [...searchable];
  return candidates.find((k) => typeof sample[k] === 'string') ?? keys.find((k) => typeof sample[k] === 'string') ?? null;
}

export async function loadProfile(index: ClientIndex): Promise<IndexProfile> {
  const settings = (await index.getSettings()) as Partial<Settings>;
  const page = await index.getDocuments({ limit: 5 });
  const docs = page.results as Record<string, unknown>[];
  const sample = docs[0] ?? null;
  const filterable = filterableFields(settings);
  const isNumeric = (field: string) => docs.some((d) => typeof valueAt(d, field) === 'number') && !docs.some((d) => typeof valueAt(d, field) === 'string');
  const titleField = chooseTitleField(sample, settings.searchableAttributes ?? ['*']);
  const isMovies = index.uid === MOVIES_INDEX && sample !== null && 'releaseDate' in sample && 'title' in sample;
  const label = (field: string) => (isMovies ? MOVIE_LABELS[field] : undefined) ?? humanize(field);

  const sortable = (settings.sortableAttributes ?? []).filter((s) => !s.includes('*'));
  const sorts: SortOption[] = isMovies
    ? MOVIE_SORTS.filter((s) => s.value === null || sortable.includes(s.value.split(':')[0]))
    : [{ value: null, label: 'Relevance' }, ...sortable.flatMap((f) => [{ value: `${f}:asc`, label: `${label(f)} ↑` }, { value: `${f}:desc`, label: `${label(f)} ↓` }])];

  const cardFields = isMovies
    ? MOVIE_CARD_FIELDS
    : sample
      ? Object.keys(sample)
          .filter((k) => k !== titleField && k !== '_formatted')
          .slice(0, 8)
      : [];

  return {
    uid: index.uid,
    noun: isMovies ? 'movies' : 'documents',
    titleField,
    cardFields,
    facetFields: filterable.filter((f) => !(isMovies ? MOVIE_RANGES.includes(f) : isNumeric(f))),
    rangeFields: filterable.filter((f) => (isMovies ? MOVIE_RANGES.includes(f) : isNumeric(f))),
    sorts,
    examples: isMovies ? MOVIE_EXAMPLES : [],
    label,
  };
}
