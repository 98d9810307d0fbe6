export * from './robot-tier-backlog.repository';
export * from './pg-robot-tier-backlog.repository';
