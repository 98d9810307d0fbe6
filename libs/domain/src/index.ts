export * from './report/extraction-result';
export * from './report/extract-report';
export * from './report/parse/parse-report';
export * from './report/decode/decode-report';
export * from './report/decode/report-read-error';
export * from './calendar/working-day-calendar';
export * from './reminders/reminder-plan';
export * from './reminders/compose-reminder-email';
