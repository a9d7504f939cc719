// Light/dark theme: follows the OS unless the user picked one (a preference, not a secret, so it
// may live in localStorage). Applied as data-theme on <html>; CSS variables do the rest.
export type ThemeChoice = 'light' | 'dark' | 'system';
const KEY = 'aidbox-console:theme';

export function readTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const dark =
    choice === 'dark' || (choice === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Keeps "system" live: re-applies when the OS switches between light and dark mid-session. */
export function followSystemTheme(): void {
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (readTheme() === 'system') applyTheme('system');
  });
}

export function saveTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // storage can be disabled; the choice then lasts for this page only
  }
  applyTheme(choice);
}
