// Front-desk views shown as tabs of the Appointments section.
export { TodayView } from './TodayView';
export { QueueView } from './QueueView';
export { RemindersView } from './RemindersView';
export { PrintDayListButton, PrintSlipButton } from './print-buttons';
