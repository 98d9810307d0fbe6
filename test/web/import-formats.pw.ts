import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn, SCREENSHOTS } from './login';

const FIXTURES = resolve(__dirname, '../fixtures/reports');

test('an administrator imports a PDF report through the page, seeing why each problem was taken and the text read', async ({
  page,
}) => {
  await logIn(page, 'admin');
  await page.goto('/import');
  await expect(page.getByTestId('report-file-name')).toContainText('PDF');
  await expect(page.getByTestId('report-file-input')).toHaveAttribute('accept', /\.doc,\.wps,\.pdf/);
  await page.getByTestId('report-file-input').setInputFiles(resolve(FIXTURES, 'liuan-2023.pdf'));
  await expect(page.getByTestId('report-file-name')).toHaveText('liuan-2023.pdf');
  await page.getByTestId('preview-button').click();
  await expect(page.getByTestId('preview-problem')).toHaveCount(3);
  const titles = page.getByTestId('preview-problem-title');
  await expect(titles.nth(0)).toHaveValue('理论学习的系统性不强');
  await expect(titles.nth(2)).toHaveValue('服务群众的精准度不够');
  await expect(page.getByTestId('preview-problem').first().getByTestId('basis-tag')).toHaveText('编号条目');
  await expect(page.getByTestId('doubtful-tag')).toHaveCount(0);
  const text = page.getByTestId('report-text');
  await expect(text).toContainText('（一）理论学习的系统性不强。支部学习多以读文件、听讲座为主');
  await expect(text).not.toContainText('— 1 —');
  await page.screenshot({ path: `${SCREENSHOTS}/import-pdf-preview.png`, fullPage: true });
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-result')).toContainText('导入成功：建立 3 个整改事项');
});

test('problems taken from plain paragraphs are marked 待核对 in the preview', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/import');
  const report =
    '2022年度党支部工作总结\n一、存在的问题\n理论学习不够深入，学用结合不紧。\n组织生活不够规范，质量不高。\n二、下步打算\n1.加强学习。\n';
  await page
    .getByTestId('report-file-input')
    .setInputFiles({ name: 'paragraphs.txt', mimeType: 'text/plain', buffer: Buffer.from(report) });
  await page.getByTestId('preview-button').click();
  await expect(page.getByTestId('preview-problem')).toHaveCount(2);
  await expect(page.getByTestId('doubtful-tag')).toHaveCount(2);
  await expect(page.getByTestId('basis-tag').first()).toHaveText('段落');
});

test('a scanned PDF is refused on the page with what to do', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/import');
  await page.getByTestId('report-file-input').setInputFiles(resolve(FIXTURES, 'scanned.pdf'));
  await page.getByTestId('preview-button').click();
  await expect(page.getByTestId('import-error')).toContainText(
    '该 PDF 是扫描件，没有可读取的文字：请上传Word版本或先进行文字识别（OCR）后再上传。',
  );
});
