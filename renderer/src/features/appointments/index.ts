// The Appointments section: the appointment book (day and week views, booking, changes) and the
// front desk (today, the doctor's queue, reminders, printing).
export { AppointmentsScreen } from './AppointmentsScreen';
