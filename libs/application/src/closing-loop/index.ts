export * from './closing-loop-ports';
export * from './closing-loop-target';
export * from './load-year';
export * from './recurrence-match';
export * from './reconcile-with';
export * from './exports/render-docx';
export * from './exports/render-ledger-xlsx';
export * from './exports/write-ledger-xlsx';
