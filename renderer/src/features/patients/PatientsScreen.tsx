import { PatientChart } from './PatientChart';
import { PatientSearchPage } from './PatientSearchPage';
import { usePatientsNav } from './patients-nav-store';
import { RegisterPatient } from './RegisterPatient';
import './patients.css';

/** The Patients section: search, register, or one patient's chart, as the navigation store says. */
export function PatientsScreen() {
  const view = usePatientsNav((s) => s.view);
  return (
    <div className="patients">
      {view.kind === 'search' && <PatientSearchPage />}
      {view.kind === 'register' && <RegisterPatient prefillName={view.prefillName ?? ''} />}
      {view.kind === 'chart' && (
        <PatientChart key={view.patientId} patientId={view.patientId} registeredNow={view.registeredNow ?? false} />
      )}
    </div>
  );
}
