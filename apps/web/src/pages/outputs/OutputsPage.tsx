export function OutputsPage() {
  return <div>待开发</div>;
}
