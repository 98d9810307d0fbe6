import { fitTitle, ITEM_TITLE_MAX_LENGTH } from './item-title';

describe('fitTitle', () => {
  it('leaves a title within the limit and its detail as they are', () => {
    const title = '理'.repeat(ITEM_TITLE_MAX_LENGTH);
    expect(fitTitle(title, '详情')).toEqual({ title, detail: '详情' });
  });

  it('cuts a long title at its last clause end, marks the cut and moves the rest to the detail', () => {
    const first = '党员教育管理不够严格'.repeat(12); // 120 characters
    const second = '组织生活制度落实不到位'.repeat(10); // 110 characters
    const fitted = fitTitle(`${first}，${second}`, '原有描述');
    expect(fitted.title).toBe(`${first}…`);
    expect(fitted.detail).toBe(`${second}\n原有描述`);
  });

  it('cuts a title without punctuation at the limit, losing no character', () => {
    const title = '长'.repeat(280);
    const fitted = fitTitle(title, '');
    expect(fitted.title).toHaveLength(ITEM_TITLE_MAX_LENGTH);
    expect(fitted.title.endsWith('…')).toBe(true);
    expect(fitted.title.slice(0, -1) + fitted.detail).toBe(title);
  });

  it('ignores a clause end in the first half, which would leave too short a headline', () => {
    const title = `短句，${'无标点的长句'.repeat(50)}`;
    const fitted = fitTitle(title, '', 40);
    expect(fitted.title).toHaveLength(40);
    expect(fitted.title.startsWith('短句，')).toBe(true);
  });

  it('never splits a character outside the basic plane', () => {
    const title = '𠀀'.repeat(30); // 60 UTF-16 code units
    const fitted = fitTitle(title, '', 20);
    expect(fitted.title).toBe(`${'𠀀'.repeat(9)}…`);
    expect(fitted.detail).toBe('𠀀'.repeat(21));
  });
});
