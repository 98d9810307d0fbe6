import { Alert, Card, Empty, Grid, Space, Spin, Tooltip, Typography } from 'antd';
import { type OverdueMonthResponse } from '../../api/rectify-api';
import { errorMessage } from '../../api/error-message';
import { useOverdueTrend } from '../../features/dashboard/useDashboard';

/** "1月"…"12月", with the year on the first bar and wherever the year changes. */
function monthLabel(month: string, previous: string | undefined): string {
  const [y, m] = month.split('-');
  const label = `${Number(m)}月`;
  return previous === undefined || previous.slice(0, 4) !== y ? `${y}年${label}` : label;
}

/**
 * 超期事项变化趋势: items overdue at each month's end, as vertical bars drawn with plain divs; on
 * phones, where twelve month labels side by side would overlap, as one horizontal bar per month.
 */
export function OverdueTrendCard({ organisationId }: { organisationId: string | undefined }) {
  const phone = Grid.useBreakpoint().md === false;
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
        <Space wrap size={[8, 0]}>
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
          ) : phone ? (
            <MonthRows months={months} max={max} />
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

/** The trend as rows, newest month first: "2026年11月 ▇▇▇ 1". */
function MonthRows({ months, max }: { months: OverdueMonthResponse[]; max: number }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {[...months].reverse().map((m) => {
        const [y, month] = m.month.split('-');
        return (
          <div key={m.month} data-month={m.month} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span style={{ width: 76, flex: 'none', fontSize: 12 }}>{`${y}年${Number(month)}月`}</span>
            <div style={{ flex: 1, height: 14 }}>
              <div
                style={{
                  width: `${(m.overdue / max) * 100}%`,
                  minWidth: m.overdue > 0 ? 2 : 0,
                  height: '100%',
                  background: '#f5222d',
                  borderRadius: '0 2px 2px 0',
                }}
              />
            </div>
            <span style={{ width: 32, flex: 'none', textAlign: 'right', fontSize: 12 }}>{m.overdue}</span>
          </div>
        );
      })}
    </div>
  );
}
