/**
 * What the hit list shows when a search finds nothing: why (the query, the filters, or an empty index) and what to
 * try next — spelling and fewer words, example queries of the sample, and a "Clear filters" button when filters
 * narrow the results (the one in the filter column may be scrolled away, or folded on a phone).
 */
import { h } from '../ui/dom.ts';
import type { IndexProfile } from './indexProfile.ts';

export interface EmptyStateActions {
  /** Whether refinements or ranges narrow the search. */
  filtered: boolean;
  clearFilters(): void;
  /** Runs an example query. */
  search(q: string): void;
}

export function emptyState(profile: IndexProfile, query: string, actions: EmptyStateActions): HTMLElement {
  const q = query.trim();
  const { noun } = profile;
  const title = q ? `No ${noun} match “${q}”${actions.filtered ? ' with these filters' : ''}.` : actions.filtered ? `No ${noun} match these filters.` : `No ${noun} in this index yet.`;
  const tips = h('ul', { class: 'no-hits-tips' });
  if (actions.filtered) {
    const clear = h('button', { type: 'button', class: 'link-button', id: 'empty-clear-filters' }, 'Clear filters');
    clear.addEventListener('click', () => actions.clearFilters());
    tips.append(h('li', {}, 'Filters are on: ', clear, ` to search all ${noun}.`));
  }
  if (q) {
    tips.append(h('li', {}, 'Check the spelling (small typos are forgiven), or use fewer or other words.'));
    const examples = profile.examples.filter((e) => e !== q);
    if (examples.length) {
      const links = examples.flatMap((example, i) => {
        const button = h('button', { type: 'button', class: 'link-button', 'data-example': example }, `“${example}”`);
        button.addEventListener('click', () => actions.search(example));
        return i === 0 ? [button] : [', ', button];
      });
      tips.append(h('li', {}, 'Or try ', ...links, '.'));
    }
  }
  if (!q && !actions.filtered) tips.append(h('li', {}, 'Import documents into it in the Data panel below.'));
  return h('li', { class: 'no-hits' }, h('p', { class: 'no-hits-title' }, title), tips);
}
