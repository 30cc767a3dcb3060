import { create } from 'zustand';

export type PatientsView = { kind: 'search' } | { kind: 'register' } | { kind: 'chart'; patientId: string };

interface PatientsNavState {
  view: PatientsView;
  /** Bumped to ask the search box to take focus (global shortcut). */
  focusSearchRequest: number;
  show(view: PatientsView): void;
  focusSearch(): void;
  newPatient(): void;
}

/** Where the Patients section is; the shell's shortcuts drive it through these actions. */
export const usePatientsNav = create<PatientsNavState>((set) => ({
  view: { kind: 'search' },
  focusSearchRequest: 0,
  show: (view) => set({ view }),
  focusSearch: () => set((s) => ({ view: { kind: 'search' }, focusSearchRequest: s.focusSearchRequest + 1 })),
  newPatient: () => set({ view: { kind: 'register' } }),
}));
