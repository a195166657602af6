/** A labelled progress bar (`<progress>` + text), determinate or not. */
import { h } from './dom.ts';

export interface ProgressView {
  readonly element: HTMLElement;
  /** `fraction` in [0, 1], or `null` for an indeterminate bar. */
  update(label: string, fraction: number | null): void;
  hide(): void;
}

export function progressView(id: string, name: string): ProgressView {
  const bar = h('progress', { id, max: 1, 'aria-label': name });
  const text = h('span', { class: 'progress-text', 'aria-live': 'polite' });
  const element = h('div', { class: 'progress', hidden: true }, bar, text);
  return {
    element,
    update(label, fraction) {
      element.hidden = false;
      if (fraction === null) bar.removeAttribute('value');
      else bar.value = Math.max(0, Math.min(1, fraction));
      text.textContent = label;
    },
    hide() {
      element.hidden = true;
    },
  };
}
