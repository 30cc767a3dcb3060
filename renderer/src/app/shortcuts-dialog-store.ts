import { create } from 'zustand';

interface ShortcutsDialogState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useShortcutsDialog = create<ShortcutsDialogState>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
