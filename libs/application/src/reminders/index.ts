export * from './reminder-settings';
export * from './reminder-jobs';
export * from './mailer';
export * from './relay-outbox.usecase';
export * from './record-due-reminders.usecase';
export * from './send-digest.usecase';
export * from './sweep-reminders.usecase';
export * from './delivery-queries';
