/**
 * The search screen: index picker, search-as-you-type box, sort, refinement lists, ranges, hits, pagination
 * and stats. Each input change runs the searches of the new state; answers to older states are dropped.
 */
import type { ClientIndex } from 'pocketsearch';
import type { Session } from '../app/session.ts';
import { byId, errorText, h, replaceChildren, setMessage } from '../ui/dom.ts';
import { FacetsView } from './facetsView.ts';
import { loadProfile, type IndexProfile } from './indexProfile.ts';
import { renderPagination } from './paginationView.ts';
import { RangeView } from './rangeView.ts';
import { renderHits, statsText } from './resultsView.ts';
import { SearchRunner, type Feature } from './searchRunner.ts';
import { clearFilters, hasFilters, initialState, setRange, toggleRefinement, type SearchState } from './searchState.ts';

const FEATURE_NAMES: Record<Feature, string> = { filter: 'filters', facets: 'facets', sort: 'sort', highlight: 'highlighting' };

export class SearchUi {
  private state: SearchState = initialState();
  private profile: IndexProfile | null = null;
  private index: ClientIndex | null = null;
  private runner = new SearchRunner();
  private sequence = 0;

  private readonly input = byId('search-input', HTMLInputElement);
  private readonly indexSelect = byId('index-select', HTMLSelectElement);
  private readonly sortSelect = byId('sort-select', HTMLSelectElement);
  private readonly stats = byId('search-stats', HTMLElement);
  private readonly notice = byId('search-notice', HTMLElement);
  private readonly hits = byId('hits', HTMLOListElement);
  private readonly pagination = byId('pagination', HTMLElement);
  private readonly clearButton = byId('clear-filters', HTMLButtonElement);
  private readonly facets = new FacetsView(byId('facets', HTMLElement), {
    toggle: (field, value, on) => {
      toggleRefinement(this.state, field, value, on);
      void this.run();
    },
  });
  private readonly ranges = new RangeView(byId('ranges', HTMLElement), {
    change: (field, range) => {
      setRange(this.state, field, range);
      void this.run();
    },
  });

  constructor(private readonly session: Session) {
    byId('search-form', HTMLFormElement).addEventListener('submit', (e) => e.preventDefault());
    this.input.addEventListener('input', () => {
      this.state.q = this.input.value;
      this.state.page = 1;
      void this.run();
    });
    this.sortSelect.addEventListener('change', () => {
      this.state.sort = this.sortSelect.value || null;
      this.state.page = 1;
      void this.run();
    });
    this.indexSelect.addEventListener('change', () => void this.showIndex(this.indexSelect.value));
    this.clearButton.addEventListener('click', () => this.clearAllFilters());
    // "/" focuses the search box from anywhere but a text field.
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      e.preventDefault();
      this.input.focus();
    });
    session.onChange(() => {
      this.runner = new SearchRunner();
      void this.refreshIndexes();
    });
  }

  private clearAllFilters(): Promise<void> {
    clearFilters(this.state);
    this.ranges.reset();
    return this.run();
  }

  /** Searches `q` as if typed (the empty state's example queries). */
  private searchFor(q: string): Promise<void> {
    this.input.value = q;
    this.state.q = q;
    this.state.page = 1;
    return this.run();
  }

  /** Re-reads the list of indexes; shows `select` (or the current one, or the first). */
  async refreshIndexes(select?: string): Promise<void> {
    const { results } = await this.session.client.getIndexes({ limit: 1000 });
    const uids = results.map((i) => i.uid);
    replaceChildren(this.indexSelect, ...(uids.length ? uids.map((uid) => h('option', { value: uid }, uid)) : [h('option', { value: '' }, 'No index')]));
    const wanted = select ?? this.profile?.uid;
    const uid = wanted && uids.includes(wanted) ? wanted : (uids[0] ?? '');
    this.indexSelect.value = uid;
    await this.showIndex(uid);
  }

  async showIndex(uid: string): Promise<void> {
    this.state = { ...initialState(), q: this.input.value };
    this.ranges.reset();
    if (!uid) {
      this.index = null;
      this.profile = null;
      replaceChildren(this.hits, h('li', { class: 'no-hits' }, 'No index yet: load the sample data or import a file (Data panel).'));
      this.stats.textContent = '';
      return;
    }
    this.index = this.session.client.index(uid);
    try {
      this.profile = await loadProfile(this.index);
    } catch (e) {
      setMessage(this.notice, errorText(e), 'error');
      return;
    }
    this.input.labels?.forEach((l) => (l.textContent = `Search ${this.profile?.noun ?? 'documents'}`));
    replaceChildren(this.sortSelect, ...this.profile.sorts.map((s) => h('option', { value: s.value ?? '' }, s.label)));
    await this.run();
  }

  /** Runs the searches of the current state and renders their answer, unless a newer state was asked since. */
  async run(): Promise<void> {
    const { index, profile } = this;
    if (!index || !profile) return;
    const sequence = ++this.sequence;
    this.clearButton.disabled = !hasFilters(this.state);
    try {
      const outcome = await this.runner.run(index, profile, this.state);
      if (sequence !== this.sequence) return;
      const { response, unavailable } = outcome;
      renderHits(this.hits, profile, response, {
        filtered: hasFilters(this.state),
        // The clicked button goes with the re-render: the search box takes the focus.
        clearFilters: () => void this.clearAllFilters().then(() => this.input.focus()),
        search: (q) => void this.searchFor(q).then(() => this.input.focus()),
      });
      this.stats.textContent = statsText(profile, response);
      this.facets.render(profile, this.state, outcome.facets, !unavailable.includes('facets') && !this.runner.missing.has('filter'));
      this.ranges.render(profile, this.state, outcome.facetStats, !this.runner.missing.has('filter'));
      this.sortSelect.disabled = this.runner.missing.has('sort');
      // Keyboard users keep their place: the page button that had focus gets it back after the re-render.
      const focusedPage = this.pagination.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.page : undefined;
      renderPagination(this.pagination, response.page ?? 1, response.totalPages ?? 1, (page) => {
        this.state.page = page;
        void this.run().then(() => this.hits.querySelector<HTMLElement>('.hit-title')?.scrollIntoView({ block: 'nearest' }));
      });
      if (focusedPage !== undefined) {
        const same = this.pagination.querySelector<HTMLButtonElement>(`button[data-page="${focusedPage}"]:not(:disabled)`);
        (same ?? this.pagination.querySelector<HTMLButtonElement>('button[aria-current="page"]'))?.focus();
      }
      const missing = [...this.runner.missing].map((f) => FEATURE_NAMES[f]);
      if (missing.length) setMessage(this.notice, `Not available in this engine build yet: ${missing.join(', ')}.`, 'info');
      else this.notice.textContent = '';
      document.body.dataset.searchState = 'ready';
    } catch (e) {
      if (sequence !== this.sequence) return;
      setMessage(this.notice, errorText(e), 'error');
    }
  }

  get currentIndexUid(): string | null {
    return this.profile?.uid ?? null;
  }
}
