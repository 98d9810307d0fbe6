import { describe, expect, it } from '@jest/globals';
import { eventsOf, primaryFirst } from './allowed-actions';

describe('the actions the item pages offer', () => {
  it('offers as events only the lifecycle events, in the order the API sent them', () => {
    expect(eventsOf(['SUBMIT_COMPLETION', 'EDIT_DETAILS', 'ADD_PROGRESS_NOTE', 'ATTACH_EVIDENCE'])).toEqual([
      'SUBMIT_COMPLETION',
      'ADD_PROGRESS_NOTE',
    ]);
    // 撤销 and 恢复 have their own buttons, not an event's dialog.
    expect(eventsOf(['REOPEN', 'EDIT_DETAILS', 'WITHDRAW'])).toEqual(['REOPEN']);
    expect(eventsOf(['RESTORE'])).toEqual([]);
  });

  it('puts the approving and signing-off events first and keeps the order of the rest', () => {
    expect(primaryFirst(['REQUEST_EXTENSION', 'ADD_PROGRESS_NOTE', 'SUBMIT_COMPLETION'])).toEqual([
      'SUBMIT_COMPLETION',
      'REQUEST_EXTENSION',
      'ADD_PROGRESS_NOTE',
    ]);
  });
});
