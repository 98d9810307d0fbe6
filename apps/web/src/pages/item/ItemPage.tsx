export function ItemPage() {
  return <div>待开发</div>;
}
