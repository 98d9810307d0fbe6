import { ITEM_TITLE_MAX_LENGTH } from '../items/item-title';
import { extractDecoded } from './extract-report';

describe('extractDecoded', () => {
  it("cuts a problem's headline to an item's longest title and keeps the rest as its detail", () => {
    // One problem per table row; a cell with no comma is all headline.
    const headline = '基层党组织书记履职尽责意识不强'.repeat(20); // 300 characters
    const r = extractDecoded({
      text: '青石村党支部2024年问题整改清单',
      encoding: 'utf-8',
      format: 'xlsx',
      warnings: [],
      tables: [
        {
          sheet: '清单',
          rows: [
            ['序号', '存在问题', '整改措施'],
            ['1', headline, '1.制定计划。'],
          ],
        },
      ],
    });
    const [problem] = r.problems;
    expect(problem.title.length).toBeLessThanOrEqual(ITEM_TITLE_MAX_LENGTH);
    expect(problem.title.endsWith('…')).toBe(true);
    expect(problem.title.slice(0, -1) + problem.detail).toBe(headline);
  });
});
