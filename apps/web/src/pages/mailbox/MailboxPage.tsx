export function MailboxPage() {
  return <div>待开发</div>;
}
