/**
 * The per-setting shortcuts of {@link Index} (`getSynonyms()`, `updateSynonyms()`, `resetSynonyms()`…), made from
 * its generic `getSetting` / `updateSetting` / `resetSetting`. They are properties holding a closure, not methods,
 * so that they stay bound (`const get = index.getSynonyms; await get()` works) as they always have.
 *
 * The shortcuts are spread over three abstract classes, one per family of settings, each extending the previous:
 * {@link AttributeSettingsShortcuts} (which attributes are searched, shown, filtered, sorted) ←
 * {@link TextSettingsShortcuts} (how text is cut into words) ← {@link SearchSettingsShortcuts} (ranking, typos,
 * facets, limits) ← {@link Index}.
 */
import type { EnqueuedTaskPromise } from '../engine.ts';
import type { Settings, SettingsKey, SettingsUpdate } from '../types/settings.ts';

/** @inline */
export type Getter<K extends SettingsKey> = () => Promise<Settings[K]>;
/** @inline */
export type Updater<K extends SettingsKey> = (value: Settings[K] | SettingsUpdate[K]) => EnqueuedTaskPromise;

/** The generic methods the shortcuts call, declared abstract by {@link AttributeSettingsShortcuts}. */
interface SettingsAccess {
  getSetting<K extends SettingsKey>(key: K): Promise<Settings[K]>;
  updateSetting<K extends SettingsKey>(key: K, value: Settings[K] | SettingsUpdate[K] | null): EnqueuedTaskPromise;
  resetSetting(key: SettingsKey): EnqueuedTaskPromise;
}

/** `getXxx`: reads setting `key`. */
export function getter<K extends SettingsKey>(self: SettingsAccess, key: K): Getter<K> {
  return () => self.getSetting(key);
}

/** `updateXxx`: enqueues a `settingsUpdate` task for setting `key` alone. */
export function updater<K extends SettingsKey>(self: SettingsAccess, key: K): Updater<K> {
  return (value) => self.updateSetting(key, value);
}

/** `resetXxx`: enqueues a `settingsUpdate` task that resets setting `key` to its default. */
export function resetter(self: SettingsAccess, key: SettingsKey): () => EnqueuedTaskPromise {
  return () => self.resetSetting(key);
}
