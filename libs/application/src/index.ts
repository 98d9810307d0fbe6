export * from './errors/application-error';
export * from './organisations/add-organisation.usecase';
export * from './organisations/organisation-tree';
export * from './users/add-user.usecase';
export * from './import-report/import-report.usecase';
export * from './transition-item/load-item-with-actor';
export * from './transition-item/transition-item.usecase';
export * from './list-items/list-items.usecase';
