/** Numeric range filters: "from" and "to" number inputs per field, placeholders from the engine's facet stats. */
import { h, replaceChildren } from '../ui/dom.ts';
import type { IndexProfile } from './indexProfile.ts';
import type { Range, SearchState } from './searchState.ts';

export interface RangeViewEvents {
  change(field: string, range: Range): void;
}

function parse(input: HTMLInputElement): number | null {
  if (input.value.trim() === '') return null;
  const n = input.valueAsNumber;
  return Number.isFinite(n) ? n : null;
}

export class RangeView {
  private fields: string[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly events: RangeViewEvents,
  ) {}

  /** Builds the inputs (when the set of fields changes) and refreshes their placeholders. */
  render(profile: IndexProfile, state: SearchState, stats: Record<string, { min: number; max: number }>, available: boolean): void {
    if (!available) {
      this.fields = [];
      replaceChildren(this.container, profile.rangeFields.length ? h('p', { class: 'muted' }, 'Range filters are not available in this engine build yet.') : null);
      return;
    }
    if (this.fields.join('\n') !== profile.rangeFields.join('\n')) {
      this.fields = [...profile.rangeFields];
      replaceChildren(this.container, ...this.fields.map((field) => this.group(profile, state, field)));
    }
    for (const field of this.fields) {
      const group = this.container.querySelector<HTMLFieldSetElement>(`fieldset[data-range="${CSS.escape(field)}"]`);
      const [min, max] = group ? [...group.querySelectorAll('input')] : [];
      const s = stats[field];
      if (min) min.placeholder = s ? String(s.min) : 'min';
      if (max) max.placeholder = s ? String(s.max) : 'max';
      const range = state.ranges.get(field);
      if (min && document.activeElement !== min) min.value = range?.min === null || range?.min === undefined ? '' : String(range.min);
      if (max && document.activeElement !== max) max.value = range?.max === null || range?.max === undefined ? '' : String(range.max);
    }
  }

  /** Forgets the inputs (another index, or cleared filters): the next render builds them anew. */
  reset(): void {
    this.fields = [];
    replaceChildren(this.container);
  }

  private group(profile: IndexProfile, state: SearchState, field: string): HTMLElement {
    const range = state.ranges.get(field) ?? { min: null, max: null };
    const base = `range-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const min = h('input', { type: 'number', id: `${base}-min`, inputmode: 'decimal', step: 'any', value: range.min ?? '' });
    const max = h('input', { type: 'number', id: `${base}-max`, inputmode: 'decimal', step: 'any', value: range.max ?? '' });
    let timer = 0;
    const changed = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => this.events.change(field, { min: parse(min), max: parse(max) }), 250);
    };
    min.addEventListener('input', changed);
    max.addEventListener('input', changed);
    return h(
      'fieldset',
      { class: 'range', 'data-range': field },
      h('legend', {}, profile.label(field)),
      h('div', { class: 'range-inputs' }, h('label', { for: min.id }, 'From'), min, h('label', { for: max.id }, 'To'), max),
    );
  }
}
