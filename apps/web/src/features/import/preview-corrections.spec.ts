import { describe, expect, it } from '@jest/globals';
import { correctionsField } from './preview-corrections';

const extracted = [
  { seq: 1, title: '理论学习不够深入' },
  { seq: 2, title: '组织生活不规范' },
];

describe('the corrections sent with an import', () => {
  it('sends nothing when the administrator changed nothing, or retyped a title unchanged', () => {
    expect(correctionsField({ dropped: new Set(), titles: {} }, extracted)).toBeUndefined();
    expect(
      correctionsField({ dropped: new Set(), titles: { 1: ' 理论学习不够深入 ' } }, extracted),
    ).toBeUndefined();
  });

  it('sends the dropped problems and only the titles that changed', () => {
    const field = correctionsField(
      { dropped: new Set([2]), titles: { 1: '理论学习不够深入系统', 2: '组织生活不规范' } },
      extracted,
    );
    expect(JSON.parse(field!)).toEqual({ dropProblemSeqs: [2], titles: { 1: '理论学习不够深入系统' } });
  });
});
