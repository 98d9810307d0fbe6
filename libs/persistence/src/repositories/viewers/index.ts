export * from './viewers.repository';
export * from './pg-viewers.repository';
