import { describe, expect, it } from '@jest/globals';
import { previewProblemLines } from './problem-lines';

describe('previewProblemLines', () => {
  it('counts one problem per non-blank line, whatever the line breaks', () => {
    expect(previewProblemLines('1. 甲\r\n\r\n2. 乙\n  \n（三）丙\r')).toEqual({ count: 3, tooLong: [] });
    expect(previewProblemLines('')).toEqual({ count: 0, tooLong: [] });
  });

  it('names the lines far over the title limit', () => {
    expect(previewProblemLines(`甲\n${'长'.repeat(600)}`)).toEqual({ count: 2, tooLong: [2] });
  });
});
