/** Refinement lists: one fieldset per facet field, a checkbox per value with its count. */
import { button, h, replaceChildren } from '../ui/dom.ts';
import { formatNumber } from '../ui/format.ts';
import type { IndexProfile } from './indexProfile.ts';
import type { SearchState } from './searchState.ts';

const COLLAPSED_VALUES = 8;

export interface FacetsViewEvents {
  toggle(field: string, value: string, on: boolean): void;
}

interface RenderArgs {
  profile: IndexProfile;
  state: SearchState;
  facets: Record<string, Record<string, number>>;
  available: boolean;
}

/** A stable, id-safe token for a facet value. */
function token(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return `${text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 32)}-${(hash >>> 0).toString(36)}`;
}

export class FacetsView {
  private readonly expanded = new Set<string>();
  private last: RenderArgs | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: FacetsViewEvents,
  ) {}

  render(profile: IndexProfile, state: SearchState, facets: Record<string, Record<string, number>>, available: boolean): void {
    this.last = { profile, state, facets, available };
    if (!available) {
      replaceChildren(this.container, profile.facetFields.length ? h('p', { class: 'muted' }, 'Facets are not available in this engine build yet.') : null);
      return;
    }
    replaceChildren(this.container, ...profile.facetFields.map((field) => this.group(profile, state, field, facets[field] ?? {})));
  }

  private toggleExpanded(field: string): void {
    if (this.expanded.has(field)) this.expanded.delete(field);
    else this.expanded.add(field);
    if (!this.last) return;
    const { profile, state, facets, available } = this.last;
    this.render(profile, state, facets, available);
    this.container.querySelector<HTMLButtonElement>(`fieldset[data-facet="${CSS.escape(field)}"] .link-button`)?.focus();
  }

  private group(profile: IndexProfile, state: SearchState, field: string, counts: Record<string, number>): HTMLElement {
    const selected = state.refinements.get(field) ?? new Set<string>();
    const values = Object.entries(counts);
    for (const value of selected) if (!(value in counts)) values.push([value, 0]);
    const expanded = this.expanded.has(field);
    const shown = expanded ? values : values.filter(([v], i) => i < COLLAPSED_VALUES || selected.has(v));
    const list = h('ul', { class: 'facet-values' });
    for (const [value, count] of shown) {
      const id = `facet-${token(field)}-${token(value)}`;
      const input = h('input', { type: 'checkbox', id, 'data-value': value, checked: selected.has(value) });
      input.addEventListener('change', () => this.events.toggle(field, value, input.checked));
      const label = h('label', { for: id }, h('span', { class: 'facet-value' }, value), h('span', { class: 'facet-count' }, formatNumber(count)));
      list.append(h('li', {}, input, label));
    }
    const fieldset = h('fieldset', { class: 'facet', 'data-facet': field }, h('legend', {}, profile.label(field)), values.length ? list : h('p', { class: 'muted' }, 'No values'));
    if (values.length > COLLAPSED_VALUES) {
      const label = expanded ? 'Show fewer' : `Show all ${values.length}`;
      fieldset.append(button(label, () => this.toggleExpanded(field), { class: 'link-button', 'aria-expanded': expanded ? 'true' : 'false' }));
    }
    return fieldset;
  }
}
