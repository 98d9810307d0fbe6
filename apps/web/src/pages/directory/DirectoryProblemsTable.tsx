import { Alert, Card } from 'antd';
import { type HTMLAttributes } from 'react';
import { type DirectoryProblem } from '../../features/directory/useDirectoryImport';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** The problems of a refused file, one line each: 行号 / 列 / 问题 (nothing was written). */
export function DirectoryProblemsTable({ problems }: { problems: DirectoryProblem[] }) {
  return (
    <Card title={`文件有 ${problems.length} 处问题`} data-testid="directory-problems">
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title="未导入任何内容：请按下表在文件中改正后重新上传。行号为 Excel 中的行号（表头为第1行）。"
      />
      <ResponsiveTable<DirectoryProblem>
        size="small"
        rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
        dataSource={problems}
        pagination={problems.length > 50 ? { pageSize: 50 } : false}
        onRow={(p) => ({ 'data-testid': `directory-problem-${p.row}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80, render: (row: number) => `第${row}行` },
          { title: '列', dataIndex: 'column', width: 110 },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}
