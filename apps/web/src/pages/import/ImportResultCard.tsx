import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type ImportReportResponse as ImportResult } from '../../api/rectify-api';
import { Block } from './PreviewPanel';
import { ReconciliationView, RecurringList } from './ReconciliationView';

/**
 * The outcome of an import: the items created (with the titles the server saved, corrections in
 * the preview included), warnings, recurring problems and the reconciliation.
 */
export function ImportResultCard({
  imported,
  orgName,
  onAgain,
}: {
  imported: ImportResult;
  orgName: string | undefined;
  onAgain: () => void;
}) {
  // A report imported before answers with no new recurrences; its reconciliation still lists them.
  const importedRecurring =
    imported.recurring.length > 0
      ? imported.recurring
      : (imported.reconciliation?.reconciliation.recurring ?? []);
  return (
    <Card style={{ marginBottom: 16 }} data-testid="import-result">
      <Result
        status={imported.created ? 'success' : 'info'}
        title={
          imported.created
            ? `导入成功：建立 ${imported.itemIds.length} 个整改事项`
            : '该报告此前已导入，本次未重复建立事项'
        }
        subTitle={`${orgName ?? ''}${imported.year ? ` ${imported.year}年度` : ''}报告`}
        extra={[
          <Link key="items" to="/items">
            <Button type="primary">查看整改事项</Button>
          </Link>,
          <Button key="again" onClick={onAgain} data-testid="import-again">
            继续导入
          </Button>,
        ]}
      />
      {imported.items.length > 0 && (
        <Block
          title={imported.created ? '建立的整改事项' : '此前建立的整改事项'}
          count={imported.items.length}
        >
          <Space wrap data-testid="imported-items">
            {imported.items.map((item) => (
              <Link key={item.id} to={`/items/${item.id}`} data-testid="imported-item">
                {item.title}
              </Link>
            ))}
          </Space>
        </Block>
      )}
      {imported.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="导入提示"
          description={imported.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        />
      )}
      <Block title="反复出现的问题" count={importedRecurring.length}>
        <RecurringList recurring={importedRecurring} />
      </Block>
      <Block title="上年度整改情况核对">
        {imported.reconciliation ? (
          <ReconciliationView result={imported.reconciliation} />
        ) : (
          <Typography.Text type="secondary">报告年度不明，未核对上年度整改情况。</Typography.Text>
        )}
      </Block>
    </Card>
  );
}
