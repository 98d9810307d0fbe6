export * from './pg-evidence-store';
