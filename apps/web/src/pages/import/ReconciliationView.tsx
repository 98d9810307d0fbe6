import { Alert, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  CLAIM_LABELS,
  FINDING_KIND_LABELS,
  UNCHECKED_REASON_LABELS,
  UNCHECKED_TITLE,
} from '../../api/generated/vocabulary';
import { FINDING_COLORS, label, statusColor, statusText } from '../../components/labels';
import { type ReconcileResultResponse, type RecurringProblemResponse } from '../../api/rectify-api';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const AGREEMENT_TEXT: Record<string, { text: string; color: string }> = {
  agrees: { text: '一致', color: 'success' },
  overstated: { text: '报告夸大', color: 'error' },
  understated: { text: '报告保守', color: 'warning' },
  unstated: { text: '未写明进度', color: 'default' },
};

/** 反复出现: the report's problems that resemble earlier years' problems. */
export function RecurringList({ recurring }: { recurring: RecurringProblemResponse[] }) {
  if (recurring.length === 0) return <Empty description="没有发现与往年相似的问题" />;
  return (
    <div data-testid="recurring-problems">
      {recurring.map((r) => (
        <div key={`${r.seq}-${r.title}`} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Space wrap>
            <Tag color="volcano">反复出现</Tag>
            <Typography.Text strong>
              {r.itemId ? <Link to={`/items/${r.itemId}`}>{r.title}</Link> : r.title}
            </Typography.Text>
          </Space>
          <div style={{ marginTop: 4, paddingLeft: 8 }}>
            {r.earlier.map((e) => (
              <div key={e.itemId}>
                <Typography.Text type="secondary">
                  相似于{e.year ? `${e.year}年度` : '往年'}：
                </Typography.Text>
                <Link to={`/items/${e.itemId}`}>{e.title}</Link>{' '}
                <Tag color={statusColor(e.status)}>{statusText(e.status)}</Tag>
                <Typography.Text type="secondary">相似度 {Math.round(e.score * 100)}%</Typography.Text>
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * What the check of the 上年度整改情况 came to, said honestly: that nothing could be compared and
 * why (the API's `unchecked`), or how many claims were compared and whether they all agree. Only
 * compared claims make "一致"; claims without a progress are counted apart.
 */
function CheckVerdict({ reconciliation: r }: { reconciliation: ReconcileResultResponse['reconciliation'] }) {
  const unstated = r.matched.filter((m) => m.agreement === 'unstated').length;
  const unstatedNote = unstated > 0 ? `另有 ${unstated} 条未写明整改进度，未能核对。` : undefined;
  if (r.unchecked) {
    return (
      <Alert
        data-testid="reconcile-verdict"
        data-verdict="unchecked"
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${UNCHECKED_TITLE}：${label(UNCHECKED_REASON_LABELS, r.unchecked)}`}
      />
    );
  }
  const disagreements = r.findings.filter((f) => f.kind !== 'problem_recurs').length;
  return (
    <Alert
      data-testid="reconcile-verdict"
      data-verdict={disagreements === 0 ? 'agrees' : 'differs'}
      type={disagreements === 0 ? 'success' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        disagreements === 0
          ? `已核对 ${r.checkedClaims} 条，报告的上年度整改情况与跟踪记录一致。`
          : `已核对 ${r.checkedClaims} 条，发现 ${disagreements} 处与跟踪记录不符或缺漏，见下方。`
      }
      description={unstatedNote}
    />
  );
}

/** The findings of checking a report's 上年度整改情况 against the tracked items. */
export function ReconciliationView({ result }: { result: ReconcileResultResponse }) {
  const r = result.reconciliation;
  return (
    <div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'org', label: '党组织', children: result.organisation.name },
          { key: 'year', label: '报告年度', children: `${result.reportYear}年度` },
          { key: 'tracked', label: `${r.problemYear}年度跟踪事项`, children: `${r.trackedItems} 个` },
          { key: 'entries', label: '报告所述上年度整改', children: `${r.entries} 条` },
        ]}
      />
      {result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="提示"
          description={result.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        />
      )}
      <CheckVerdict reconciliation={r} />
      {r.findings.length > 0 && (
        <>
          <Typography.Title level={5}>核对发现（{r.findings.length} 项）</Typography.Title>
          <div data-testid="findings-list">
            {r.findings.map((f, i) => (
              <div
                key={`${f.kind}-${f.itemId ?? i}`}
                data-testid="finding"
                data-kind={f.kind}
                style={{ display: 'flex', gap: 8, padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
              >
                <Tag color={FINDING_COLORS[f.kind]} style={{ flexShrink: 0, height: 'fit-content' }}>
                  {label(FINDING_KIND_LABELS, f.kind)}
                </Tag>
                <div style={{ flex: 1 }}>
                  <Typography.Text>{f.message}</Typography.Text>
                  {f.itemId && (
                    <>
                      {' '}
                      <Link to={`/items/${f.itemId}`}>查看事项</Link>
                    </>
                  )}
                </div>
              </div>
            ))}
          </div>
        </>
      )}
      {r.matched.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            报告所述与跟踪记录对照
          </Typography.Title>
          <ResponsiveTable
            size="small"
            rowKey="itemId"
            pagination={false}
            dataSource={r.matched}
            columns={[
              {
                title: '跟踪事项',
                dataIndex: 'itemTitle',
                render: (t: string, m) => <Link to={`/items/${m.itemId}`}>{t}</Link>,
              },
              {
                title: '跟踪状态',
                dataIndex: 'trackedStatus',
                width: 130,
                render: (s: string) => <Tag color={statusColor(s)}>{statusText(s)}</Tag>,
              },
              { title: '报告所述问题', dataIndex: 'claimedProblem' },
              {
                title: '报告称',
                dataIndex: 'claim',
                width: 110,
                render: (c: string) => label(CLAIM_LABELS, c),
              },
              {
                title: '核对结果',
                dataIndex: 'agreement',
                width: 100,
                render: (a: string) => (
                  <Tag color={AGREEMENT_TEXT[a]?.color ?? 'default'}>{AGREEMENT_TEXT[a]?.text ?? a}</Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
