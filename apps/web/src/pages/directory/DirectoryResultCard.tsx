import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Result, Row, Space, Statistic } from 'antd';
import { type DirectoryImportResponse, type ImportedAccountResponse } from '../../api/rectify-api';
import { accountsText, downloadAccountsWorkbook } from '../../features/directory/accounts-workbook';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/**
 * The outcome of a check or an import: the counts, what was left as it is, and the new accounts
 * with their one-time passwords, shown this once (copy or download them now).
 */
export function DirectoryResultCard({ result }: { result: DirectoryImportResponse }) {
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard
      .writeText(accountsText(result.accounts))
      .then(() => message.success('已复制账号和一次性密码'))
      .catch(() => message.error('无法复制：请改用"下载为 Excel"'));
  return (
    <Card data-testid="directory-result">
      <Result
        status={result.dryRun ? 'info' : 'success'}
        title={result.dryRun ? '检查通过，尚未导入' : '导入成功'}
        subTitle={<span data-testid="directory-summary">{result.summary}</span>}
        style={{ paddingBlock: 8 }}
      />
      <Row gutter={16} style={{ textAlign: 'center', marginBottom: 16 }}>
        <Col span={8}>
          <Statistic title="新增组织" value={result.organisations} suffix="个" />
        </Col>
        <Col span={8}>
          <Statistic title="新增人员" value={result.people} suffix="人" />
        </Col>
        <Col span={8}>
          <Statistic title="新增职务" value={result.positions} suffix="个" />
        </Col>
      </Row>
      {result.notices.map((n) => (
        <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 8 }} />
      ))}
      {result.accounts.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="one-time-passwords-warning"
            title="一次性密码只显示这一次：离开或刷新本页后无法再次查看。请立即复制或下载，并通过安全渠道告知本人；本人首次登录须修改密码。"
          />
          <Space style={{ marginBottom: 12 }}>
            <Button icon={<CopyOutlined />} onClick={copy} data-testid="copy-passwords">
              复制全部
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadAccountsWorkbook(result.accounts)}
              data-testid="download-passwords"
            >
              下载为 Excel
            </Button>
          </Space>
          <ResponsiveTable<ImportedAccountResponse>
            size="small"
            rowKey="username"
            dataSource={result.accounts}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            data-testid="imported-accounts"
            columns={[
              { title: '账号', dataIndex: 'username' },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '所属组织', dataIndex: 'organisationName' },
              {
                title: '一次性密码',
                dataIndex: 'oneTimePassword',
                render: (p: string, a) => (
                  <span style={{ fontFamily: 'monospace' }} data-testid={`one-time-password-${a.username}`}>
                    {p}
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
