import { Empty, Grid, Space, Tooltip, Typography } from 'antd';
import { type OrganisationSummaryResponse } from '../../api/rectify-api';

const SEGMENTS = [
  // Dark enough for the white count inside a segment to read at 4.5:1.
  { key: 'completed', label: '已整改完成', color: '#237804' },
  { key: 'longTerm', label: '长期坚持整改', color: '#006d75' },
  { key: 'inProgress', label: '尚未完成（未超期）', color: '#0958d9' },
  { key: 'overdue', label: '超期', color: '#cf1322' },
] as const;

/** Horizontal stacked bars of status by organisation, drawn with plain divs. */
export function StatusBars({ rows }: { rows: OrganisationSummaryResponse[] }) {
  // On phones the organisation's name takes less of the row, so the bar keeps some length.
  const nameWidth = Grid.useBreakpoint().md === false ? 96 : 160;
  const withItems = rows.filter((r) => r.items > 0);
  if (withItems.length === 0) return <Empty description="该年度暂无整改事项" />;
  const max = Math.max(...withItems.map((r) => r.items));
  return (
    <div data-testid="status-chart">
      <Space wrap size={[16, 4]} style={{ marginBottom: 12 }}>
        {SEGMENTS.map((s) => (
          <Space key={s.key} size={4}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: s.color }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.label}
            </Typography.Text>
          </Space>
        ))}
      </Space>
      {withItems.map((r) => {
        const values = {
          completed: r.completed,
          longTerm: r.longTerm,
          inProgress: r.open - r.overdue,
          overdue: r.overdue,
        };
        return (
          <div key={r.organisationId} style={{ display: 'flex', alignItems: 'center', marginBottom: 10 }}>
            <div
              style={{ width: nameWidth, flexShrink: 0, paddingRight: 8, textAlign: 'right', fontSize: 13 }}
              title={r.organisationName}
            >
              <Typography.Text ellipsis style={{ maxWidth: nameWidth - 10 }}>
                {r.organisationName}
              </Typography.Text>
            </div>
            <div style={{ flex: 1, background: '#f5f5f5', height: 18, borderRadius: 2 }}>
              <div style={{ display: 'flex', height: '100%', width: `${(r.items / max) * 100}%` }}>
                {SEGMENTS.filter((s) => values[s.key] > 0).map((s) => (
                  <Tooltip key={s.key} title={`${r.organisationName} ${s.label}：${values[s.key]} 个`}>
                    <div
                      style={{
                        width: `${(values[s.key] / r.items) * 100}%`,
                        background: s.color,
                        color: '#fff',
                        fontSize: 11,
                        lineHeight: '18px',
                        textAlign: 'center',
                        overflow: 'hidden',
                      }}
                    >
                      {values[s.key]}
                    </div>
                  </Tooltip>
                ))}
              </div>
            </div>
            <div style={{ width: 44, textAlign: 'right', fontSize: 13 }}>{r.items} 个</div>
          </div>
        );
      })}
    </div>
  );
}
