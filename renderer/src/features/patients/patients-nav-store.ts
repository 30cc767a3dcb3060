import { create } from 'zustand';

export type PatientsView =
  | { kind: 'search' }
  /** `prefillName`: what was typed in the search box when nobody matched, carried into the form. */
  | { kind: 'register'; prefillName?: string }
  /** `registeredNow`: the chart opens right after registration, so it says so. */
  | { kind: 'chart'; patientId: string; registeredNow?: boolean };

interface PatientsNavState {
  view: PatientsView;
  /** Bumped to ask the search box to take focus (global shortcut). */
  focusSearchRequest: number;
  /** Kept here so "Back to search" returns to the same results. */
  searchText: string;
  show(view: PatientsView): void;
  focusSearch(): void;
  newPatient(): void;
  openPatient(patientId: string, options?: { registeredNow?: boolean }): void;
  setSearchText(text: string): void;
}

/** Where the Patients section is; the shell's shortcuts drive it through these actions. */
export const usePatientsNav = create<PatientsNavState>((set) => ({
  view: { kind: 'search' },
  focusSearchRequest: 0,
  searchText: '',
  show: (view) => set({ view }),
  focusSearch: () => set((s) => ({ view: { kind: 'search' }, focusSearchRequest: s.focusSearchRequest + 1 })),
  // Already registering: keep the form (and what is typed in it) as it is.
  newPatient: () => set((s) => (s.view.kind === 'register' ? {} : { view: { kind: 'register' } })),
  openPatient: (patientId, options) =>
    set({
      view: options?.registeredNow ? { kind: 'chart', patientId, registeredNow: true } : { kind: 'chart', patientId },
    }),
  setSearchText: (searchText) => set({ searchText }),
}));
