/** Page links: previous, a window of page numbers, next. Buttons, so Enter and Space work. */
import { button, h, replaceChildren } from '../ui/dom.ts';

export function pageWindow(page: number, totalPages: number, width = 5): number[] {
  const half = Math.floor(width / 2);
  const start = Math.max(1, Math.min(page - half, totalPages - width + 1));
  const end = Math.min(totalPages, start + width - 1);
  const out: number[] = [];
  for (let p = start; p <= end; p++) out.push(p);
  return out;
}

export function renderPagination(nav: HTMLElement, page: number, totalPages: number, go: (page: number) => void): void {
  if (totalPages <= 1) {
    replaceChildren(nav);
    return;
  }
  const items: HTMLElement[] = [button('‹ Previous', () => go(page - 1), { disabled: page <= 1, 'aria-label': 'Previous page', 'data-page': 'previous' })];
  for (const p of pageWindow(page, totalPages)) {
    items.push(button(String(p), () => go(p), { 'aria-label': `Page ${p}`, 'aria-current': p === page ? 'page' : false, 'data-page': p }));
  }
  items.push(button('Next ›', () => go(page + 1), { disabled: page >= totalPages, 'aria-label': 'Next page', 'data-page': 'next' }));
  replaceChildren(nav, h('ul', {}, ...items.map((b) => h('li', {}, b))));
}
