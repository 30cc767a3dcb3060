import { create } from 'zustand';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'chartbook.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function readStoredTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage disabled: follow the system
  }
}

function systemTheme(): Theme {
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  theme: Theme;
  /** True once the person picked a theme; until then the system's preference is followed. */
  chosen: boolean;
  toggle(): void;
}

export const useThemeStore = create<ThemeState>((set, get) => {
  const stored = readStoredTheme();
  return {
    theme: stored ?? systemTheme(),
    chosen: stored !== null,
    toggle: () => {
      const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(STORAGE_KEY, theme);
      } catch {
        // Not persisted, but still applied for this run.
      }
      set({ theme, chosen: true });
    },
  };
});

/** Applies the theme now (before first paint, so there is no flash) and keeps it applied. */
export function startTheme(): void {
  applyTheme(useThemeStore.getState().theme);
  useThemeStore.subscribe((s) => applyTheme(s.theme));
  window.matchMedia?.(DARK_QUERY).addEventListener('change', (e) => {
    if (!useThemeStore.getState().chosen) useThemeStore.setState({ theme: e.matches ? 'dark' : 'light' });
  });
}
