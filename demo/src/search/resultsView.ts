/** The hit list: title and fields of each hit, highlighted from `_formatted` (safe: see ui/highlight.ts). */
import type { Hit, SearchResponse } from 'pocketsearch';
import { h, replaceChildren } from '../ui/dom.ts';
import { highlighted } from '../ui/highlight.ts';
import { formatNumber } from '../ui/format.ts';
import type { IndexProfile } from './indexProfile.ts';
import { emptyState, type EmptyStateActions } from './emptyState.ts';

function fieldValue(hit: Hit, field: string): unknown {
  const formatted = hit._formatted;
  if (formatted && field in formatted) return formatted[field];
  return (hit as Record<string, unknown>)[field];
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Large numbers with thousands separators; other values as they are. */
function showValue(value: unknown): unknown {
  return typeof value === 'number' && Math.abs(value) >= 10000 ? formatNumber(value) : value;
}

function hitCard(profile: IndexProfile, hit: Hit, position: number): HTMLElement {
  const title = profile.titleField ? fieldValue(hit, profile.titleField) : undefined;
  const heading = h('h3', { class: 'hit-title' }, isEmpty(title) ? `Document ${position}` : highlighted(title));
  const details = h('dl', { class: 'hit-fields' });
  for (const field of profile.cardFields) {
    const raw = (hit as Record<string, unknown>)[field];
    if (isEmpty(raw)) continue;
    const value = typeof raw === 'number' ? showValue(raw) : fieldValue(hit, field);
    details.append(h('div', {}, h('dt', {}, profile.label(field)), h('dd', {}, highlighted(value))));
  }
  const score = typeof hit._rankingScore === 'number' ? h('span', { class: 'hit-score', title: 'Ranking score' }, `score ${hit._rankingScore.toFixed(3)}`) : null;
  return h('li', { class: 'hit' }, h('article', {}, heading, details, score));
}

export function renderHits(list: HTMLElement, profile: IndexProfile, response: SearchResponse, empty: EmptyStateActions): void {
  const offset = ((response.page ?? 1) - 1) * (response.hitsPerPage ?? response.limit ?? 0);
  list.setAttribute('start', String(offset + 1));
  if (!response.hits.length) {
    replaceChildren(list, emptyState(profile, response.query ?? '', empty));
    return;
  }
  replaceChildren(list, ...response.hits.map((hit, i) => hitCard(profile, hit, offset + i + 1)));
}

/** "312 movies · page 2 of 32 · 3 ms" */
export function statsText(profile: IndexProfile, response: SearchResponse): string {
  const total = response.totalHits ?? response.estimatedTotalHits ?? response.hits.length;
  const pages = response.totalPages !== undefined ? ` · page ${response.page ?? 1} of ${Math.max(1, response.totalPages)}` : '';
  const noun = total === 1 ? profile.noun.replace(/s$/, '') : profile.noun;
  return `${formatNumber(total)} ${noun}${pages} · ${response.processingTimeMs} ms`;
}

