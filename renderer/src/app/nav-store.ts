import { create } from 'zustand';
import type { Role } from '../../../shared/domain/roles';

export const SECTIONS = ['patients', 'appointments', 'users', 'hours', 'settings', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];

const ADMIN_SECTIONS: ReadonlySet<Section> = new Set<Section>(['users', 'hours', 'settings', 'audit']);

/** Sections a person with these roles may open. Main enforces access; this only keeps the menu honest. */
export function sectionsFor(roles: readonly Role[]): Section[] {
  const isAdmin = roles.includes('admin');
  return SECTIONS.filter((s) => isAdmin || !ADMIN_SECTIONS.has(s));
}

export function isAdminSection(section: Section): boolean {
  return ADMIN_SECTIONS.has(section);
}

interface NavState {
  section: Section;
  go(section: Section): void;
  reset(): void;
}

/** Which section of the signed-in shell is showing. */
export const useNavStore = create<NavState>((set) => ({
  section: 'patients',
  go: (section) => set({ section }),
  reset: () => set({ section: 'patients' }),
}));
