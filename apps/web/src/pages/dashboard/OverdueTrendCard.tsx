import { Alert, Card, Empty, Space, Spin, Tooltip, Typography } from 'antd';
import { errorMessage } from '../../api/error-message';
import { useOverdueTrend } from '../../features/dashboard/useDashboard';

/** "1月"…"12月", with the year on the first bar and wherever the year changes. */
function monthLabel(month: string, previous: string | undefined): string {
  const [y, m] = month.split('-');
  const label = `${Number(m)}月`;
  return previous === undefined || previous.slice(0, 4) !== y ? `${y}年${label}` : label;
}

/** 超期事项变化趋势: items overdue at each month's end, as vertical bars drawn with plain divs. */
export function OverdueTrendCard({ organisationId }: { organisationId: string | undefined }) {
  const query = useOverdueTrend(organisationId);
  const trend = query.data ?? null;
  const loading = query.isFetching;
  const error = query.error ? errorMessage(query.error) : null;

  const months = trend?.months ?? [];
  const max = Math.max(0, ...months.map((m) => m.overdue));
  const BAR_AREA = 160;

  return (
    <Card
      title={
        <Space>
          <span>超期事项变化趋势</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            最近12个月每月末超期未完成的事项数（本月截至今天，全部年度）
          </Typography.Text>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Spin spinning={loading}>
        <div data-testid="overdue-trend">
          {max === 0 ? (
            <Empty description={trend ? '最近12个月没有超期事项' : '暂无数据'} />
          ) : (
            <div style={{ display: 'flex', alignItems: 'flex-end', gap: 8, paddingTop: 8 }}>
              {months.map((m, i) => (
                <div
                  key={m.month}
                  data-month={m.month}
                  style={{
                    flex: 1,
                    minWidth: 0,
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'center',
                  }}
                >
                  <div
                    style={{
                      height: BAR_AREA + 20,
                      width: '100%',
                      display: 'flex',
                      flexDirection: 'column',
                      justifyContent: 'flex-end',
                      alignItems: 'center',
                    }}
                  >
                    <span style={{ fontSize: 12, lineHeight: '20px' }}>{m.overdue}</span>
                    <Tooltip title={`${m.month} 月末超期事项：${m.overdue} 个`}>
                      <div
                        style={{
                          width: '70%',
                          maxWidth: 36,
                          height: (m.overdue / max) * BAR_AREA,
                          minHeight: m.overdue > 0 ? 2 : 0,
                          background: '#f5222d',
                          borderRadius: '2px 2px 0 0',
                        }}
                      />
                    </Tooltip>
                  </div>
                  <div
                    style={{
                      borderTop: '1px solid #d9d9d9',
                      width: '100%',
                      textAlign: 'center',
                      fontSize: 12,
                      paddingTop: 4,
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {monthLabel(m.month, months[i - 1]?.month)}
                  </div>
                </div>
              ))}
            </div>
          )}
        </div>
      </Spin>
    </Card>
  );
}
