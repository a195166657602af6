/**
 * DOM building without HTML strings. Every text goes through text nodes (`textContent`), so document data
 * can never become markup; attributes are set one by one and inline event handlers (`on…`) are refused.
 * The demo never assigns `innerHTML`.
 */

export type Child = Node | string | number | null | undefined | false;
export type AttrValue = string | number | boolean | null | undefined;

/** Creates an element with attributes (`false`/`null`/`undefined` omit one, `true` sets it empty) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name)) throw new Error(`inline event handler attribute refused: ${name}`);
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** The element with this id, of the expected type; throws when the page does not have it. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing or is not a ${type.name}`);
  return el;
}

/** A button with a click handler. */
export function button(label: string, onClick: (event: MouseEvent) => void, attrs: Record<string, AttrValue> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A message area: `role="alert"` for errors, `role="status"` otherwise. */
export function setMessage(el: HTMLElement, text: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  el.textContent = text;
  el.dataset.kind = kind;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** The message of anything thrown (engine errors keep their Meilisearch code). */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const { message, code } = e as { message?: unknown; code?: unknown };
    if (typeof message === 'string') return typeof code === 'string' ? `${message} (${code})` : message;
  }
  return String(e);
}

/** The Meilisearch error code of anything thrown, if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
