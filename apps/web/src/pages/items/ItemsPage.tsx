export function ItemsPage() {
  return <div>待开发</div>;
}
