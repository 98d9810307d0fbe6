export function DashboardPage() {
  return <div>待开发</div>;
}
