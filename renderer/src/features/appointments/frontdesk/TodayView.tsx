export function TodayView() {
  return <h2>TodayView</h2>;
}
