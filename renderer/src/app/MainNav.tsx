import { useTranslation } from 'react-i18next';
import { ResultsBadge } from '../features/labs/review/ResultsBadge';
import { isAdminSection, useNavStore, type Section } from './nav-store';

function NavItem({ section, current }: { section: Section; current: Section }) {
  const { t } = useTranslation();
  const go = useNavStore((s) => s.go);
  return (
    <li>
      <button
        type="button"
        className="main-nav__item"
        aria-current={section === current ? 'page' : undefined}
        onClick={() => go(section)}
      >
        {t(`nav.${section}`)}
        {section === 'results' && <ResultsBadge />}
      </button>
    </li>
  );
}

/** The sections this person may open; administration items appear only for administrators. */
export function MainNav({ sections, current }: { sections: Section[]; current: Section }) {
  const { t } = useTranslation();
  const work = sections.filter((s) => !isAdminSection(s));
  const admin = sections.filter(isAdminSection);
  return (
    <nav aria-label={t('shell.mainNav')} className="main-nav">
      <ul>
        {work.map((s) => (
          <NavItem key={s} section={s} current={current} />
        ))}
      </ul>
      {admin.length > 0 && (
        <>
          <p className="main-nav__group" aria-hidden="true">
            {t('nav.adminGroup')}
          </p>
          <ul aria-label={t('nav.adminGroup')}>
            {admin.map((s) => (
              <NavItem key={s} section={s} current={current} />
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
