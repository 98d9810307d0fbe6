export * from './organisation-robots.repository';
export * from './pg-organisation-robots.repository';
