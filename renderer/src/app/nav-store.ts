import { create } from 'zustand';
import { mayUse, type Channel } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';

export const SECTIONS = [
  'patients',
  'appointments',
  'results',
  'formulary',
  'labTests',
  'labImports',
  'users',
  'hours',
  'settings',
  'backups',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

interface SectionRule {
  /** The channel whose access rule (in shared/contract.ts) decides who sees the section; null: everyone signed in. */
  opensWith: Channel | null;
  /** Where the menu lists it; the administration group is only a heading, not an access rule. */
  group: 'work' | 'administration';
}

/*
 * Patients is open to everyone signed in: an administrator without a front-desk or clinical role
 * sees there why they cannot open records (AdminOnlyPatients). Appointments shows the book to anyone.
 * The administration screens are gated by the channel that changes what they manage.
 */
const RULES: Record<Section, SectionRule> = {
  patients: { opensWith: null, group: 'work' },
  appointments: { opensWith: null, group: 'work' },
  // The doctor's results inbox (issue 11): doctors only, as its channel.
  results: { opensWith: 'labs.review.inbox', group: 'work' },
  // The clinic's drug formulary: doctors and administrators keep it (issue 10).
  formulary: { opensWith: 'rx.formulary.list', group: 'work' },
  // The lab test catalogue: doctors and administrators keep it (issue 11).
  labTests: { opensWith: 'labs.catalogue.update', group: 'work' },
  // Importing lab results and reconciling them: doctors (issue 11, part 4).
  labImports: { opensWith: 'labs.import', group: 'work' },
  users: { opensWith: 'users.list', group: 'administration' },
  hours: { opensWith: 'providers.setSchedule', group: 'administration' },
  settings: { opensWith: 'settings.update', group: 'administration' },
  // Everyone signed in sees whether backups are current; only administrators act (main enforces it).
  backups: { opensWith: 'backups.status', group: 'administration' },
  audit: { opensWith: 'audit.list', group: 'administration' },
};

/** Sections a person with these roles may open. Main enforces access; this only keeps the menu honest. */
export function sectionsFor(roles: readonly Role[]): Section[] {
  return SECTIONS.filter((s) => {
    const channel = RULES[s].opensWith;
    return channel === null || mayUse(channel, roles);
  });
}

export function isAdminSection(section: Section): boolean {
  return RULES[section].group === 'administration';
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
