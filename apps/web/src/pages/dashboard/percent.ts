/** A rate (0..1) as a percentage with at most one decimal: 0.5 → 50%, 0.125 → 12.5%. */
export const percent = (rate: number): string => `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
