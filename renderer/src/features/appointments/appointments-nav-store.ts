import { create } from 'zustand';
import { useBookStore } from './book/book-store';

export const APPOINTMENT_TABS = ['day', 'week', 'today', 'queue', 'reminders'] as const;
export type AppointmentTab = (typeof APPOINTMENT_TABS)[number];

interface AppointmentsNavState {
  tab: AppointmentTab;
  /** An appointment whose details the day view opens once it shows; cleared when it does. */
  openAppointmentId: string | null;
  setTab(tab: AppointmentTab): void;
  /** Shows the day view on `date` with the appointment's details open (e.g. "Reschedule" from Today). */
  openInDayView(date: string, appointmentId: string): void;
  takeOpenAppointment(): string | null;
}

export const useAppointmentsNav = create<AppointmentsNavState>((set, get) => ({
  tab: 'day',
  openAppointmentId: null,
  setTab: (tab) => set({ tab }),
  openInDayView: (date, appointmentId) => {
    useBookStore.getState().setDate(date);
    set({ tab: 'day', openAppointmentId: appointmentId });
  },
  takeOpenAppointment: () => {
    const id = get().openAppointmentId;
    if (id !== null) set({ openAppointmentId: null });
    return id;
  },
}));
