// The appointment book: day and week views, booking, appointment details and changes.
export { BookTab } from './BookTab';
