export function RemindersView() {
  return <h2>RemindersView</h2>;
}
