export function AppointmentsScreen() {
  return <h1>Appointments</h1>;
}
