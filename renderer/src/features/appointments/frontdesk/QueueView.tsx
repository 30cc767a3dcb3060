export function QueueView() {
  return <h2>QueueView</h2>;
}
