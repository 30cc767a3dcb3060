// The patient registry screens. The shell shows <PatientsScreen /> for the Patients section and
// calls the navigation store's actions for global shortcuts. Later patient features reuse the banner.
export { PatientsScreen } from './PatientsScreen';
export { usePatientsNav, type PatientsView } from './patients-nav-store';
export { PatientBanner } from './PatientBanner';
