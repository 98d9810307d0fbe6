export function LoginPage() {
  return <div>待开发</div>;
}
