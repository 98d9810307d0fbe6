import { type ClosingDocument, LEDGER_COLUMNS, type LedgerRow } from '@rectify/domain';
import { xmlPartText, xmlProblems } from '../../../../../test/support/office-xml';
import { renderDocx } from './render-docx';
import { renderLedgerXlsx } from './render-ledger-xlsx';

/** What a paste from Word or an old row can carry: bell, backspace, unit separator, U+FFFE/U+FFFF, a lone surrogate. */
const dirty = (text: string) =>
  `${text.slice(0, 1)}\u0007${text.slice(1, 2)}\u0008\u001f${text.slice(2)}\ufffe\uffff\ud800`;

describe('renderDocx with characters XML forbids', () => {
  const doc: ClosingDocument = {
    title: dirty('上年度整改情况'),
    blocks: [
      { kind: 'heading', level: 1, text: dirty('理论学习方面') },
      { kind: 'paragraph', text: dirty('已制定年度学习计划') },
      { kind: 'table', header: [dirty('序号'), '问题'], rows: [['1', dirty('联系群众不够紧密')]] },
    ],
  };

  it('writes a document whose every XML part is well-formed', async () => {
    expect(await xmlProblems(await renderDocx([doc]))).toEqual([]);
  });

  it('keeps the text without the forbidden characters', async () => {
    const text = await xmlPartText(await renderDocx([doc]), 'word/document.xml');
    for (const part of ['上年度整改情况', '理论学习方面', '已制定年度学习计划', '序号', '联系群众不够紧密'])
      expect(text).toContain(part);
  });

  it('does not change the documents it was given', async () => {
    await renderDocx([doc]);
    expect(doc.blocks[1]).toEqual({ kind: 'paragraph', text: dirty('已制定年度学习计划') });
  });
});

describe('renderLedgerXlsx with characters XML forbids', () => {
  const row: LedgerRow = {
    itemId: 'a',
    light: 'red',
    cells: LEDGER_COLUMNS.map((_, i) => dirty(`第一行第${i + 1}列`)),
  };
  const input = { title: dirty('整改台账'), rows: [row], generatedAt: dirty('2025-06-01') };

  it('writes a workbook whose every XML part is well-formed (exceljs keeps U+FFFF as it is)', async () => {
    expect(await xmlProblems(await renderLedgerXlsx(input))).toEqual([]);
  });

  it('keeps the text of every cell without the forbidden characters', async () => {
    const strings = await xmlPartText(await renderLedgerXlsx(input), 'xl/sharedStrings.xml');
    for (const [i] of LEDGER_COLUMNS.entries()) expect(strings).toContain(`第一行第${i + 1}列`);
    expect(strings).toContain('整改台账');
  });

  it('cuts an over-long cell without leaving half of a surrogate pair behind', async () => {
    const long = `${'字'.repeat(32766)}😀`;
    const bytes = await renderLedgerXlsx({
      ...input,
      rows: [{ ...row, cells: [long, ...row.cells.slice(1)] }],
    });
    expect(await xmlProblems(bytes)).toEqual([]);
    expect(await xmlPartText(bytes, 'xl/sharedStrings.xml')).not.toContain('\ufffd');
  });
});
