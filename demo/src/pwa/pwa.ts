/**
 * Offline and install support: registers the service worker (production builds only: the dev server serves
 * modules that change), shows whether the app works offline and whether the network is up, offers the
 * browser's install prompt, and tells when a new version is ready.
 */
import type { DatabaseMessage } from '../../sw/meilisearchUrl.ts';
import { button, h } from '../ui/dom.ts';

/** Chromium's install prompt event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export function setUpPwa(badges: HTMLElement): void {
  const offlineBadge = h('span', { class: 'badge', id: 'offline-ready' });
  const networkBadge = h('span', { class: 'badge badge-warning', id: 'network-status', hidden: navigator.onLine }, 'Offline');
  const installButton = h('button', { type: 'button', id: 'install-button', hidden: true }, 'Install app');
  badges.append(offlineBadge, networkBadge, installButton);

  const online = () => (networkBadge.hidden = navigator.onLine);
  window.addEventListener('online', online);
  window.addEventListener('offline', online);

  let deferred: BeforeInstallPromptEvent | null = null;
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    installButton.hidden = false;
  });
  installButton.addEventListener('click', async () => {
    if (!deferred) return;
    await deferred.prompt();
    await deferred.userChoice;
    deferred = null;
    installButton.hidden = true;
  });
  window.addEventListener('appinstalled', () => (installButton.hidden = true));

  if (!('serviceWorker' in navigator)) {
    offlineBadge.textContent = 'No offline support in this browser';
    return;
  }
  if (!import.meta.env.PROD) {
    offlineBadge.textContent = 'Dev server: offline mode off';
    return;
  }
  offlineBadge.textContent = 'Preparing offline use…';
  const hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.register('./sw.js', { scope: './', type: 'module' }).then(
    async () => {
      await navigator.serviceWorker.ready;
      offlineBadge.textContent = 'Works offline';
      offlineBadge.dataset.ready = 'true';
    },
    (e: unknown) => {
      offlineBadge.textContent = `Offline use unavailable: ${String(e)}`;
    },
  );
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) return; // the first install taking control: nothing new to load
    const reload = button('Reload', () => location.reload());
    badges.append(h('span', { class: 'badge', role: 'status' }, 'A new version is ready. ', reload));
  });
}

/** Tells the service worker which database the page's engine uses (it answers Meilisearch requests from it). */
export function announceDatabase(name: string): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const message: DatabaseMessage = { type: 'pocketsearch-demo:database', name };
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}
