/** The sample index: its uid, settings, and how the demo labels and shows its fields. */
import type { SettingsUpdate } from 'pocketsearch';

export const MOVIES_INDEX = 'movies';

/** Relative to the page: works from any directory of any static server. */
export const MOVIES_URL = 'data/movies.json';

export const MOVIE_SETTINGS: SettingsUpdate = {
  searchableAttributes: ['title', 'director', 'genre', 'creativeType', 'source', 'distributor'],
  filterableAttributes: ['genre', 'mpaaRating', 'creativeType', 'source', 'year', 'imdbRating'],
  sortableAttributes: ['year', 'imdbRating', 'worldwideGross', 'title'],
  // Meilisearch's default rules, then a custom one: among equally relevant movies, the most voted first
  // (the empty query lists the best-known movies).
  rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness', 'imdbVotes:desc'],
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  // Count every movie in placeholder searches (Meilisearch's default stops at 1,000).
  pagination: { maxTotalHits: 5000 },
};

export const MOVIE_LABELS: Record<string, string> = {
  title: 'Title',
  director: 'Director',
  genre: 'Genre',
  creativeType: 'Creative type',
  source: 'Source',
  mpaaRating: 'MPAA rating',
  distributor: 'Distributor',
  releaseDate: 'Released',
  year: 'Year',
  runtime: 'Running time (min)',
  imdbRating: 'IMDb rating',
  imdbVotes: 'IMDb votes',
  rottenTomatoesRating: 'Rotten Tomatoes',
  productionBudget: 'Budget ($)',
  worldwideGross: 'Worldwide gross ($)',
};

/** Numeric filterable fields, shown as range filters. */
export const MOVIE_RANGES = ['year', 'imdbRating'];

export const MOVIE_CARD_FIELDS = ['year', 'genre', 'director', 'mpaaRating', 'creativeType', 'source', 'distributor', 'imdbRating', 'worldwideGross'];

/** Queries that show what the engine does (a typo, a director, a title); the search box's placeholder names them too. */
export const MOVIE_EXAMPLES = ['jurasic park', 'spielberg', 'godfather'];

export const MOVIE_SORTS: { value: string | null; label: string }[] = [
  { value: null, label: 'Relevance' },
  { value: 'year:desc', label: 'Newest first' },
  { value: 'year:asc', label: 'Oldest first' },
  { value: 'imdbRating:desc', label: 'Best IMDb rating' },
  { value: 'worldwideGross:desc', label: 'Highest worldwide gross' },
  { value: 'title:asc', label: 'Title A–Z' },
];
