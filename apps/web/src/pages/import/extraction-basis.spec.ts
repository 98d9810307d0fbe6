import { describe, expect, it } from '@jest/globals';
import { basisLabel, doubtfulFirst, isDoubtful } from './extraction-basis';

describe('the import preview’s judgement of extracted problems', () => {
  it('lists doubtful problems (confidence under 0.7) first and keeps the order of the rest', () => {
    const problems = [
      { seq: 1, confidence: 0.9 },
      { seq: 2, confidence: 0.65 },
      { seq: 3 },
      { seq: 4, confidence: 0.55 },
      { seq: 5, confidence: 0.7 },
    ];
    expect(doubtfulFirst(problems).map((p) => p.seq)).toEqual([2, 4, 1, 3, 5]);
    expect(problems.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('does not take a problem without confidence for doubtful, nor name a basis it does not know', () => {
    expect(isDoubtful({})).toBe(false);
    expect(basisLabel({})).toBeNull();
    expect(basisLabel({ basis: 'something_new' })).toBeNull();
    expect(basisLabel({ basis: 'inline_enumeration' })).toBe('列举（一是…）');
    expect(basisLabel({ basis: 'table_row' })).toBe('表格行');
  });
});
