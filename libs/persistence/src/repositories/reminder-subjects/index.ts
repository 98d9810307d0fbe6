export * from './reminder-subjects.repository';
export * from './pg-reminder-subjects.repository';
