// The patient registry screens. The shell shows <PatientsScreen /> for the Patients section and
// calls the navigation store's actions for global shortcuts.
export { PatientsScreen } from './PatientsScreen';
export { usePatientsNav } from './patients-nav-store';
