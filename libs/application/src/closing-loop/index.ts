export * from './closing-loop-target';
export * from './load-tracked-items';
export * from './detect-recurrence';
export * from './generate-section.usecase';
export * from './summarise.usecase';
export * from './reconcile.usecase';
export * from './exports/render-docx';
export * from './exports/render-ledger-xlsx';
