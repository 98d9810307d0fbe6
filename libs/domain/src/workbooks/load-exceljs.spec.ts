import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadExcelJs } from './load-exceljs';

const ROOT = resolve(__dirname, '../../../..');

describe('loadExcelJs', () => {
  it('gives exceljs, the same module each time', () => {
    const excel = loadExcelJs();
    expect(typeof excel.Workbook).toBe('function');
    expect(typeof excel.stream.xlsx.WorkbookWriter).toBe('function');
    expect(loadExcelJs()).toBe(excel);
  });

  it('leaves exceljs and mailparser unloaded until a workbook or a message is opened', () => {
    // What every process (each CLI command) loads: the application's and the domain's modules.
    const script = `
      require('./libs/application/src/index.ts');
      const loaded = (name) => Object.keys(require.cache).some((f) => f.includes('/node_modules/' + name + '/'));
      process.stdout.write(JSON.stringify({ exceljs: loaded('exceljs'), mailparser: loaded('mailparser') }));
    `;
    const run = spawnSync(process.execPath, ['-r', './scripts/register-ts.js', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ exceljs: false, mailparser: false });
  }, 60_000);
});
