export function ImportPage() {
  return <div>待开发</div>;
}
