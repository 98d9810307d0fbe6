export * from './organisation-people.repository';
export * from './pg-organisation-people.repository';
