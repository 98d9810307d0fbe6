import {
  DIRECTORY_COLUMNS,
  DIRECTORY_HELP_SHEET,
  MAX_DIRECTORY_ROWS,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  POSITION_KINDS,
  POSITION_PROFILES,
  POSITION_RIGHT_LABELS,
  loadExcelJs,
} from '@rectify/domain';

const WIDTHS = [22, 22, 10, 10, 16, 12, 16, 26];

/** The example row under the header: a branch below the demo's 镇党委, with its secretary. */
const EXAMPLE = [
  '青石村第三党支部',
  '青石村党总支',
  '党支部',
  '张三',
  'zhangsan',
  '书记',
  '13800138000',
  'zhangsan@example.org',
];

/**
 * The directory template (.xlsx) offered for download: the first sheet with the header
 * (DIRECTORY_COLUMNS), one example row and drop-down lists for 组织类别 and 职务; the second,
 * 填写说明, with the rules and the allowed values of each column.
 */
export async function renderDirectoryTemplate(): Promise<Buffer> {
  const kinds = ORGANISATION_KINDS.map((k) => ORGANISATION_KIND_LABELS[k]);
  const positions = POSITION_KINDS.map((k) => POSITION_PROFILES[k].label);
  const workbook = new (loadExcelJs().Workbook)();
  workbook.creator = 'rectify';
  const sheet = workbook.addWorksheet('组织和人员', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...DIRECTORY_COLUMNS]);
  sheet.addRow(EXAMPLE);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };
  WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  // Text cells: 手机 and 账号 stay as written (no 1.38E+10, no dropped leading zero).
  for (const column of [5, 7]) sheet.getColumn(column).numFmt = '@';
  for (const [column, values] of [
    ['C', kinds],
    ['F', positions],
  ] as const) {
    for (let r = 2; r <= 1000; r++) {
      sheet.getCell(`${column}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '无效的值',
        error: `只能是：${values.join('、')}`,
      };
    }
  }

  const help = workbook.addWorksheet(DIRECTORY_HELP_SHEET);
  help.getColumn(1).width = 12;
  help.getColumn(2).width = 90;
  const lines: [string, string][] = [
    ['列', '填写说明'],
    [
      '组织名称',
      '必填。每行一个组织；一个组织有几个人就写几行，组织名称相同。名称在全系统唯一，最多100个字。',
    ],
    [
      '上级组织',
      '新组织必填：写上级组织的全称，可以是本文件中的组织，也可以是系统中已有的组织（行的先后不限）。已有组织可不填；若填写须与系统一致（导入不移动已有组织）。',
    ],
    ['组织类别', `新组织必填，只能是：${kinds.join('、')}。已有组织可不填；若填写须与系统一致。`],
    ['姓名', '填写人员时必填，最多50个字。同一账号在各行的姓名须相同。'],
    [
      '账号',
      '填写人员时必填：登录用的账号，2至64位字母、数字或 . _ @ - 符号，全系统唯一。系统中已有的账号须是同一人（姓名相同），只补充其职务，不改密码。',
    ],
    ['职务', `填写人员时必填，只能是：${positions.join('、')}。一人多个职务就写多行。`],
    ['手机', '选填：11位手机号（可带+86）或带区号的固定电话。'],
    ['邮箱', '选填：用于接收整改提醒，如 zhangsan@example.org。'],
    ['', ''],
    [
      '职务权限',
      POSITION_KINDS.map(
        (k) =>
          `${POSITION_PROFILES[k].label}：${POSITION_PROFILES[k].administers ? '管理本组织及下级组织（组织、人员、导入）' : POSITION_PROFILES[k].defaultRights.map((r) => POSITION_RIGHT_LABELS[r]).join('、') || '无整改权限'}`,
      ).join('；'),
    ],
    ['新账号', '每个新账号生成一个一次性密码，导入成功后只显示一次；本人首次登录须修改密码。'],
    [
      '检查',
      `先检查全部行，有任何问题则不导入，并按行号列出问题；改正后重新上传即可。同一文件重复导入不会重复建立。每个文件最多 ${MAX_DIRECTORY_ROWS} 行、5 MB。`,
    ],
  ];
  for (const line of lines) help.addRow(line).alignment = { wrapText: true, vertical: 'top' };
  help.getRow(1).font = { bold: true };
  help.addRow([]);
  help.addRow(['组织类别可选值', kinds.join('、')]);
  help.addRow(['职务可选值', positions.join('、')]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
