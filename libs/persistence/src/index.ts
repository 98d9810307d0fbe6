export * from './data-source/create-data-source';
export * from './entities/organisation.entity';
export * from './entities/user.entity';
export * from './entities/report.entity';
export * from './entities/rectification-item.entity';
export * from './entities/measure.entity';
export * from './entities/evidence.entity';
export * from './entities/item-history.entity';
