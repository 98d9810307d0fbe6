import { describe, expect, it } from '@jest/globals';
import { RECTIFICATION_STATUSES } from '../api/generated/vocabulary';
import { label, statusColor, statusText } from './labels';

describe('the vocabulary as the web shows it', () => {
  it('colours a status by its stage unless it has its own colour', () => {
    expect(statusColor('measures_set')).toBe('processing'); // open
    expect(statusColor('long_term')).toBe('purple');
    expect(statusColor('completed')).toBe('success');
    expect(statusColor('identified')).toBe('default'); // its own
    expect(statusColor('pending_review')).toBe('warning');
    for (const status of RECTIFICATION_STATUSES) expect(statusColor(status)).toMatch(/^[a-z]+$/);
  });

  it('shows an unknown status as itself, in the default colour', () => {
    expect(statusColor('archived')).toBe('default');
    expect(statusText('archived')).toBe('archived');
    expect(statusText('pending_review')).toBe('待审核销号');
    expect(label({ a: '甲' }, null)).toBe('—');
  });
});
