import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ThemeToggle } from './ThemeToggle';

/** The frame around set-up and sign-in: the app's name, the theme switch, and one centred card. */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <header className="auth-page__bar">
        <span className="brand">{t('appName')}</span>
        <ThemeToggle />
      </header>
      <main className={`auth-card${wide ? ' auth-card--wide' : ''}`}>{children}</main>
    </div>
  );
}
