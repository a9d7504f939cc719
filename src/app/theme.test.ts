import { afterEach, describe, expect, it, vi } from 'vitest';
import { followSystemTheme, readTheme, saveTheme } from './theme.ts';

/** A controllable prefers-color-scheme media query. */
function fakeSystemScheme(dark: boolean) {
  const listeners: (() => void)[] = [];
  const mql = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
  };
  vi.stubGlobal('matchMedia', () => mql);
  return (next: boolean) => {
    dark = next;
    listeners.forEach((fn) => fn());
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('theme', () => {
  it('"system" follows the OS when it switches mid-session', () => {
    const setOsDark = fakeSystemScheme(false);
    saveTheme('system');
    followSystemTheme();
    expect(document.documentElement.dataset.theme).toBe('light');
    setOsDark(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('an explicit choice is kept when the OS switches', () => {
    const setOsDark = fakeSystemScheme(false);
    saveTheme('light');
    followSystemTheme();
    setOsDark(true);
    expect(readTheme()).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
