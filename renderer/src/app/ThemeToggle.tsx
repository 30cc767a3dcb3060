import { useTranslation } from 'react-i18next';
import { useThemeStore } from './theme-store';

/** One toggle button: pressed means the dark theme is on. The choice is remembered on this computer. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const theme = useThemeStore((s) => s.theme);
  const toggle = useThemeStore((s) => s.toggle);
  const dark = theme === 'dark';
  return (
    <button type="button" className="theme-toggle" aria-pressed={dark} onClick={toggle}>
      <span aria-hidden="true" className="theme-toggle__icon">
        {dark ? '☾' : '☀'}
      </span>
      {t('shell.darkTheme')}
    </button>
  );
}
