import { create } from 'zustand';

interface BookState {
  /** The date shown; null until the clinic's today is known. Kept while the person visits other tabs or sections. */
  date: string | null;
  /** The doctor whose week is shown; '' means the first doctor. */
  weekProviderId: string;
  setDate(date: string): void;
  setWeekProviderId(providerId: string): void;
}

export const useBookStore = create<BookState>((set) => ({
  date: null,
  weekProviderId: '',
  setDate: (date) => set({ date }),
  setWeekProviderId: (weekProviderId) => set({ weekProviderId }),
}));
