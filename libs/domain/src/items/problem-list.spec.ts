import { splitProblemList } from './problem-list';

describe('splitProblemList', () => {
  it('makes one problem of each non-blank line, numbering stripped', () => {
    const text = [
      '1. 理论学习不够深入',
      '',
      '2、组织生活不够规范',
      '   ',
      '（一）党员教育管理偏松',
      '一、联系群众不够紧密',
      '① 制度执行不严',
      '- 台账记录不全',
      '没有编号的问题',
    ].join('\r\n');
    expect(splitProblemList(text)).toEqual([
      '理论学习不够深入',
      '组织生活不够规范',
      '党员教育管理偏松',
      '联系群众不够紧密',
      '制度执行不严',
      '台账记录不全',
      '没有编号的问题',
    ]);
  });

  it('keeps numbers that are part of the problem and drops forbidden characters', () => {
    expect(splitProblemList('2024年度学习计划未完成\n3\u0000项制度未落实')).toEqual([
      '2024年度学习计划未完成',
      '3项制度未落实',
    ]);
  });

  it('answers nothing for blank text', () => {
    expect(splitProblemList(' \n\n\t\n')).toEqual([]);
  });
});
