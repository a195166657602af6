/**
 * Highlighted values, safe by construction. The demo asks the engine to wrap matches in two private-use
 * characters instead of HTML tags; the formatted value is then split on them into text nodes and `<mark>`
 * elements. Document text is only ever a text node: a title such as `<img src=x onerror=…>` shows as
 * typed, and even a document containing the markers themselves can only cause a wrong highlight, never markup.
 */
import { h } from './dom.ts';

export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

/** Splits a formatted string into text and highlighted runs (unbalanced markers are dropped). */
export function highlightRuns(value: string): { text: string; highlighted: boolean }[] {
  const runs: { text: string; highlighted: boolean }[] = [];
  let current = '';
  let inMark = false;
  const flush = () => {
    if (current) runs.push({ text: current, highlighted: inMark });
    current = '';
  };
  for (const ch of value) {
    if (ch === HIGHLIGHT_PRE && !inMark) {
      flush();
      inMark = true;
    } else if (ch === HIGHLIGHT_POST && inMark) {
      flush();
      inMark = false;
    } else if (ch !== HIGHLIGHT_PRE && ch !== HIGHLIGHT_POST) {
      current += ch;
    }
  }
  flush();
  return runs;
}

/** A value as display text: arrays joined with commas, objects as JSON, null as an empty string. */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(displayText).filter(Boolean).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A (possibly formatted) value as DOM nodes: text nodes, with `<mark>` around the engine's matches. */
export function highlighted(value: unknown): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of highlightRuns(displayText(value))) {
    fragment.appendChild(run.highlighted ? h('mark', {}, run.text) : document.createTextNode(run.text));
  }
  return fragment;
}
