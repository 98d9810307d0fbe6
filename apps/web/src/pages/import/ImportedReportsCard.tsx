import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Card, Empty, Popconfirm } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import { type ReportListEntryResponse } from '../../api/rectify-api';
import { useRemoveImport } from '../../features/import/useRemoveImport';
import { useReports } from '../../features/organisations/useReports';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const CONFIRM_BUTTON: ButtonProps & { 'data-testid': string } = {
  danger: true,
  'data-testid': 'confirm-remove-report',
};

/**
 * 已导入的报告: every import the administrator sees, with 删除 (after a confirmation) for those
 * they may remove; an import whose items someone already worked on is refused with the reason.
 */
export function ImportedReportsCard() {
  const reports = useReports();
  const { message, notification } = App.useApp();
  const { mutateAsync: remove, isPending, variables } = useRemoveImport();

  const removeOne = async (report: ReportListEntryResponse) => {
    try {
      const { removedItems } = await remove(report.id);
      message.success(`已删除导入的报告及其${removedItems}个整改事项`);
    } catch (err) {
      notification.error({
        title: '不能删除该导入',
        description: err instanceof ApiError ? err.message : '删除失败，请稍后重试。',
      });
    }
  };

  return (
    <Card title="已导入的报告" style={{ marginTop: 16 }} data-testid="imported-reports">
      {reports.length === 0 ? (
        <Empty description="还没有导入报告" />
      ) : (
        <ResponsiveTable<ReportListEntryResponse>
          rowKey="id"
          size="small"
          dataSource={reports}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          columns={[
            { title: '党组织', dataIndex: 'organisationName', ellipsis: true },
            { title: '年度', dataIndex: 'year', width: 80, render: (y: number | null) => (y ? `${y}` : '—') },
            { title: '文件', dataIndex: 'sourceFileName', ellipsis: true },
            {
              title: '导入时间',
              dataIndex: 'importedAt',
              width: 150,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            { title: '整改事项', dataIndex: 'items', width: 90 },
            {
              title: '操作',
              key: 'actions',
              width: 90,
              render: (_: unknown, report) =>
                report.mayRemove ? (
                  <Popconfirm
                    title="删除该导入？"
                    description={`将删除该报告及其建立的${report.items}个整改事项，不可恢复；已开始办理的导入不能删除。`}
                    okText="删除"
                    okButtonProps={CONFIRM_BUTTON}
                    cancelText="取消"
                    onConfirm={() => removeOne(report)}
                  >
                    <Button
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      loading={isPending && variables === report.id}
                      data-testid={`remove-report-${report.id}`}
                    >
                      删除
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
