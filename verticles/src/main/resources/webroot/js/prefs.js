/*
 * gamebus console: what survives a reload, in localStorage under one key: the timeline's filters
 * and whether it is paused (not what was buffered). Unreadable or absent: the defaults.
 */

const KEY = 'gamebus.console.v1';

export function loadPrefs() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY));
    return value && typeof value === 'object' ? value : {};
  } catch (e) {
    return {};
  }
}

export function savePrefs(prefs) {
  try { localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* storage full or disabled: not kept */ }
}
