/** Print actions other screens place next to a day or an appointment. */
export function PrintDayListButton(_props: { providerId: string; date: string }) {
  return null;
}

export function PrintSlipButton(_props: { appointmentId: string }) {
  return null;
}
