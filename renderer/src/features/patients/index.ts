// The patient registry screens. The shell shows <PatientsScreen /> for the Patients section and
// calls the navigation store's actions for global shortcuts. Later patient features reuse the banner.
export { PatientsScreen } from './PatientsScreen';
export { usePatientsNav, type PatientsView } from './patients-nav-store';
export { PatientBanner } from './PatientBanner';
// The appointment book registers a patient inline, without leaving the booking.
export { PatientForm } from './PatientForm';
export { BOOKING_REGISTRATION_DRAFT, useRegistrationDraft } from './patient-draft';
export {
  checkPatientForm,
  emptyPatientForm,
  errorsToFormPaths,
  type FieldErrors,
  type PatientFormState,
} from './patient-form-model';
export { usePatientSearch } from './usePatientSearch';
// Drafts an older version kept in the browser profile, moved into main at sign-in.
export { moveLocalDraftsToMain } from './local-draft-move';
