export function PatientsScreen() {
  return <h1>Patients</h1>;
}
