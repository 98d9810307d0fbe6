import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/error-message';
import { formatRate } from '../../api/generated/vocabulary';
import { useSummary } from '../../features/dashboard/useDashboard';
import { OrganisationYearPicker, useOrganisationYear } from './OrganisationYearPicker';
import { statusColor, statusText } from '../../components/labels';
import { type OrganisationSummaryResponse, type RecurrenceLinkResponse } from '../../api/rectify-api';
import { itemsLink } from '../items/useItemFilters';
import { OverdueTrendCard } from './OverdueTrendCard';
import { RedItems } from './RedItems';
import { StatusBars } from './StatusBars';
import { NoReportsNotice } from '../help/NoReportsNotice';
import { useNothingYet } from '../../features/help/useNothingYet';
import { ResponsiveTable } from '../../components/ResponsiveTable';

export function DashboardPage() {
  const picker = useOrganisationYear();
  const { organisationId, year } = picker;
  const query = useSummary(organisationId, year);
  const summary = query.data ?? null;
  const loading = query.isFetching;
  const error = query.error ? errorMessage(query.error) : null;

  // Before any import NoReportsNotice says what to do, not the notice of an empty year.
  const nothingYet = useNothingYet();
  const t = summary?.totals;
  const empty = summary !== null && summary.totals.items === 0;
  // Each count opens the items behind it: the organisation (with those below it), the year, and
  // the count's own filter, all in the address of the items list.
  const cards = [
    { key: 'items', title: '问题总数', value: t?.items, suffix: '个', filter: {} },
    {
      key: 'completed',
      title: '已整改完成',
      value: t?.completed,
      suffix: '个',
      color: '#389e0d',
      filter: { stage: 'completed' },
    },
    {
      key: 'long-term',
      title: '长期坚持整改',
      value: t?.longTerm,
      suffix: '个',
      color: '#08979c',
      filter: { stage: 'long_term' },
    },
    {
      key: 'open',
      title: '尚未完成',
      value: t?.open,
      suffix: '个',
      color: '#d46b08',
      filter: { stage: 'open' },
    },
    {
      key: 'overdue',
      title: '超期',
      value: t?.overdue,
      suffix: '个',
      color: '#cf1322',
      filter: { overdue: 'true' },
    },
  ];
  // A summary over several levels: its own row is 本级, each child's row counts its subtree.
  const rolledUp = summary?.byOrganisation.some((o) => o.includesBelow) ?? false;
  /** A row's count in the summary's year as a link: a child's with its subtree, the own row's without. */
  const cellLink = (testId: string, filter: Record<string, string>) =>
    function CountLink(n: number, row: OrganisationSummaryResponse) {
      if (n === 0 || !summary) return n;
      const to = itemsLink({
        org: row.organisationId,
        subtree: row.includesBelow ? '' : 'false',
        year: summary.problemYear,
        ...filter,
      });
      return (
        <Link to={to} data-testid={`${testId}-${row.organisationId}`}>
          {filter.overdue ? <Typography.Text type="danger">{n}</Typography.Text> : n}
        </Link>
      );
    };

  return (
    <div data-testid="dashboard-page">
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              督导总览
            </Typography.Title>
            <Typography.Text type="secondary">
              {summary
                ? `${summary.organisationName}及下级党组织 ${summary.problemYear}年度查摆问题整改情况（截至 ${summary.asOf}）`
                : '查看本级及下级党组织查摆问题的整改进度'}
            </Typography.Text>
          </div>
          <OrganisationYearPicker state={picker} />
        </div>
      </Card>

      {error && (
        <Alert
          type="error"
          showIcon
          title="加载整改情况失败"
          description={error}
          style={{ marginBottom: 16 }}
        />
      )}

      <NoReportsNotice />
      <Spin spinning={loading} description="正在加载…">
        {empty && !nothingYet && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${summary.organisationName}及下级党组织${year}年度暂无整改事项`}
            description={
              picker.yearsWithData.length > 0 ? (
                <span>
                  已导入报告的年度：
                  {picker.yearsWithData.map((y) => (
                    <Button key={y} type="link" size="small" onClick={() => picker.setYear(y)}>
                      {y}年度
                    </Button>
                  ))}
                </span>
              ) : (
                '该年度还没有导入报告：请选择其他党组织或年度，或由管理员在「导入报告」中导入。'
              )
            }
          />
        )}
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {cards.map((c) => {
            const statistic = (
              <Statistic
                title={c.title}
                value={c.value ?? '-'}
                suffix={c.value !== undefined ? c.suffix : undefined}
                styles={{ content: { color: c.color } }}
              />
            );
            return (
              <Col key={c.title} xs={12} md={8} xl={4}>
                {summary && organisationId && c.value ? (
                  <Link
                    to={itemsLink({ org: organisationId, year: summary.problemYear, ...c.filter })}
                    data-testid={`total-${c.key}`}
                    aria-label={`查看${c.title}的整改事项`}
                  >
                    <Card size="small" hoverable>
                      {statistic}
                    </Card>
                  </Link>
                ) : (
                  <Card size="small">{statistic}</Card>
                )}
              </Col>
            );
          })}
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title="整改完成率"
                value={summary ? formatRate(summary.completionRate) : '-'}
                styles={{ content: { color: '#c8161d' } }}
              />
            </Card>
          </Col>
        </Row>

        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col span={24}>
            <Card
              title={
                <Space wrap size={[8, 0]}>
                  <span>各党组织整改情况</span>
                  {rolledUp && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                      下级党组织的数字含其所属党组织，点击名称查看其下级
                    </Typography.Text>
                  )}
                </Space>
              }
            >
              <ResponsiveTable<OrganisationSummaryResponse>
                data-testid="organisation-table"
                size="small"
                rowKey="organisationId"
                pagination={false}
                dataSource={summary?.byOrganisation ?? []}
                locale={{ emptyText: <Empty description="暂无数据" /> }}
                columns={[
                  {
                    title: '党组织',
                    dataIndex: 'organisationName',
                    render: (name: string, row: OrganisationSummaryResponse) =>
                      row.includesBelow ? (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                          data-testid={`drill-down-${row.organisationId}`}
                          aria-label={`查看${name}及其下级党组织的整改情况`}
                          onClick={() => picker.setOrganisationId(row.organisationId)}
                        >
                          {name}
                        </Button>
                      ) : (
                        <Space size={4}>
                          <span>{name}</span>
                          {rolledUp && <Tag>本级</Tag>}
                        </Space>
                      ),
                  },
                  {
                    title: '问题数',
                    dataIndex: 'items',
                    width: 100,
                    align: 'right',
                    render: cellLink('cell-items', {}),
                  },
                  {
                    title: '已整改完成',
                    dataIndex: 'completed',
                    width: 110,
                    align: 'right',
                    render: cellLink('cell-completed', { stage: 'completed' }),
                  },
                  {
                    title: '长期坚持整改',
                    dataIndex: 'longTerm',
                    width: 120,
                    align: 'right',
                    render: cellLink('cell-long-term', { stage: 'long_term' }),
                  },
                  {
                    title: '尚未完成',
                    dataIndex: 'open',
                    width: 100,
                    align: 'right',
                    render: cellLink('cell-open', { stage: 'open' }),
                  },
                  {
                    title: '超期',
                    dataIndex: 'overdue',
                    width: 100,
                    align: 'right',
                    render: cellLink('cell-overdue', { overdue: 'true' }),
                  },
                  {
                    title: '完成率',
                    dataIndex: 'completionRate',
                    width: 100,
                    align: 'right',
                    // The server's rule (libs/domain completion-rate.ts): no problems, no rate.
                    render: (r: number | null) => formatRate(r),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title="整改状态分布">
              <StatusBars rows={summary?.byOrganisation ?? []} />
            </Card>
          </Col>
        </Row>
      </Spin>

      <div style={{ marginBottom: 16 }}>
        <OverdueTrendCard organisationId={organisationId} />
      </div>

      <div style={{ marginBottom: 16 }}>
        <RedItems organisationId={organisationId} />
      </div>

      <Card
        title={
          <Space wrap size={[8, 0]}>
            <span>反复出现的问题</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              与往年查摆的问题相似，建议重新整改原事项或列为重点整改
            </Typography.Text>
          </Space>
        }
      >
        <ResponsiveTable
          data-testid="recurring-list"
          size="small"
          rowKey="itemId"
          loading={loading}
          pagination={false}
          dataSource={summary?.recurring ?? []}
          locale={{ emptyText: <Empty description={`${year}年度没有反复出现的问题`} /> }}
          columns={[
            {
              title: '本年度问题',
              dataIndex: 'title',
              render: (title: string, r) => <Link to={`/items/${r.itemId}`}>{title}</Link>,
            },
            { title: '党组织', dataIndex: 'organisationName', width: 150 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 130,
              render: (s: string) => <Tag color={statusColor(s)}>{statusText(s)}</Tag>,
            },
            {
              title: '往年相似问题',
              dataIndex: 'earlier',
              render: (earlier: RecurrenceLinkResponse[]) => (
                <Space orientation="vertical" size={2}>
                  {earlier.map((e) => (
                    <span key={e.itemId}>
                      {e.year ? `${e.year}年度：` : ''}
                      {/* Underlined: inside a line of text, colour alone does not mark a link. */}
                      <Link to={`/items/${e.itemId}`} style={{ textDecoration: 'underline' }}>
                        {e.title}
                      </Link>{' '}
                      <Tag color={statusColor(e.status)}>{statusText(e.status)}</Tag>
                    </span>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
