/**
 * The search UI's state (query, refinements, ranges, sort, page) and its translation into Meilisearch search
 * parameters. Refinements of one field are ORed, different fields ANDed (the array form of `filter`).
 */
import type { Filter } from 'pocketsearch';

export interface Range {
  min: number | null;
  max: number | null;
}

export interface SearchState {
  q: string;
  page: number;
  hitsPerPage: number;
  sort: string | null;
  refinements: Map<string, Set<string>>;
  ranges: Map<string, Range>;
}

export function initialState(): SearchState {
  return { q: '', page: 1, hitsPerPage: 10, sort: null, refinements: new Map(), ranges: new Map() };
}

/** A filter string literal: double-quoted, with `\` and `"` escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A field name as a filter attribute (quoted unless it is a plain dotted name). */
export function attribute(field: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(field) ? field : quote(field);
}

/**
 * The `filter` parameter for the state, leaving out the refinements of `exceptField` (used to count the other
 * values of a field the user already refined: disjunctive faceting). `null` when nothing is filtered.
 */
export function buildFilter(state: SearchState, exceptField?: string): Filter | null {
  const clauses: (string | string[])[] = [];
  for (const [field, values] of state.refinements) {
    if (field === exceptField || values.size === 0) continue;
    clauses.push([...values].map((v) => `${attribute(field)} = ${quote(v)}`));
  }
  for (const [field, range] of state.ranges) {
    if (range.min !== null) clauses.push(`${attribute(field)} >= ${range.min}`);
    if (range.max !== null) clauses.push(`${attribute(field)} <= ${range.max}`);
  }
  return clauses.length ? clauses : null;
}

export function hasFilters(state: SearchState): boolean {
  return [...state.refinements.values()].some((s) => s.size > 0) || [...state.ranges.values()].some((r) => r.min !== null || r.max !== null);
}

export function clearFilters(state: SearchState): void {
  state.refinements.clear();
  state.ranges.clear();
  state.page = 1;
}

export function toggleRefinement(state: SearchState, field: string, value: string, on: boolean): void {
  let set = state.refinements.get(field);
  if (!set) state.refinements.set(field, (set = new Set()));
  if (on) set.add(value);
  else set.delete(value);
  state.page = 1;
}

export function setRange(state: SearchState, field: string, range: Range): void {
  state.ranges.set(field, range);
  state.page = 1;
}
