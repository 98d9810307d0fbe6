import { Alert, Checkbox, Descriptions, Empty, Input, Space, Tag, Typography } from 'antd';
import { type ReactNode } from 'react';
import { CLAIM_TEXT } from '../dashboard/shared';

/** What the preview API returns: the extraction of one report. */
export interface Extraction {
  year: number | null;
  title: string | null;
  encoding: string;
  warnings: string[];
  sections: { kind: string; heading: string }[];
  problems: { seq: number; title: string; detail: string }[];
  causes: { seq: number; text: string }[];
  measures: { seq: number; title: string; detail: string; problemSeqs: number[] }[];
  lastYearRectification: { problem: string; status: string; text: string }[];
}

const SECTION_TEXT: Record<string, string> = {
  performance: '工作开展情况',
  last_year_rectification: '上年度整改情况',
  problems: '存在的问题',
  causes: '原因分析',
  measures: '整改措施',
  other: '其他',
};

export function Block({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ borderLeft: '3px solid #c8161d', paddingLeft: 8 }}>
        {title}
        {count !== undefined && (
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
            {count} 条
          </Typography.Text>
        )}
      </Typography.Title>
      {children}
    </div>
  );
}

/** What the admin changed in the preview: problems to drop and rewritten titles, by seq. */
export interface PreviewCorrections {
  dropped: Set<number>;
  titles: Record<number, string>;
}

export function PreviewPanel({
  extraction,
  corrections,
  onChange,
}: {
  extraction: Extraction;
  corrections: PreviewCorrections;
  onChange: (next: PreviewCorrections) => void;
}) {
  return (
    <div data-testid="preview-result">
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'title', label: '报告标题', children: extraction.title ?? '未识别' },
          {
            key: 'year',
            label: '报告年度',
            children: extraction.year ? (
              `${extraction.year}年度`
            ) : (
              <Tag color="warning">未识别，请填写年度</Tag>
            ),
          },
          {
            key: 'sections',
            label: '识别到的章节',
            children:
              extraction.sections.length === 0 ? (
                '无'
              ) : (
                <Space wrap size={4}>
                  {extraction.sections.map((s) => (
                    <Tag key={s.heading} title={s.heading}>
                      {SECTION_TEXT[s.kind] ?? s.kind}
                    </Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      {extraction.warnings.length > 0 && (
        <Alert
          data-testid="preview-warnings"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="提取提示"
          description={extraction.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        />
      )}
      <Block title="查摆问题（每个问题将建立一个整改事项）" count={extraction.problems.length}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title="可直接修改问题标题；取消勾选的不是问题，导入时将剔除。"
        />
        {extraction.problems.length === 0 ? (
          <Empty description="未识别到查摆问题：请检查报告是否有“存在的问题”一节" />
        ) : (
          extraction.problems.map((p) => (
            <div key={p.seq} data-testid="preview-problem" style={{ marginBottom: 10 }}>
              <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
                <Checkbox
                  data-testid="preview-problem-keep"
                  checked={!corrections.dropped.has(p.seq)}
                  onChange={(e) => {
                    const dropped = new Set(corrections.dropped);
                    if (e.target.checked) dropped.delete(p.seq);
                    else dropped.add(p.seq);
                    onChange({ ...corrections, dropped });
                  }}
                  style={{ marginTop: 6 }}
                />
                <div style={{ flex: 1 }}>
                  <Input
                    data-testid="preview-problem-title"
                    prefix={`${p.seq}.`}
                    value={corrections.titles[p.seq] ?? p.title}
                    disabled={corrections.dropped.has(p.seq)}
                    maxLength={200}
                    onChange={(e) =>
                      onChange({ ...corrections, titles: { ...corrections.titles, [p.seq]: e.target.value } })
                    }
                  />
                  {p.detail && (
                    <Typography.Paragraph
                      type="secondary"
                      style={{ margin: '4px 0 0' }}
                      ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
                    >
                      {p.detail}
                    </Typography.Paragraph>
                  )}
                </div>
              </div>
            </div>
          ))
        )}
      </Block>
      {extraction.causes.length > 0 && (
        <Block title="原因分析" count={extraction.causes.length}>
          {extraction.causes.map((c) => (
            <Typography.Paragraph key={c.seq} style={{ marginBottom: 6 }}>
              {c.seq}. {c.text}
            </Typography.Paragraph>
          ))}
        </Block>
      )}
      <Block title="整改措施" count={extraction.measures.length}>
        {extraction.measures.length === 0 ? (
          <Typography.Text type="secondary">未识别到整改措施，导入后可由支部书记制定。</Typography.Text>
        ) : (
          extraction.measures.map((m) => (
            <div key={m.seq} style={{ marginBottom: 6 }}>
              {m.seq}. {m.title}
              {m.problemSeqs.length > 0 && (
                <Tag style={{ marginLeft: 6 }} color="blue">
                  对应问题 {m.problemSeqs.join('、')}
                </Tag>
              )}
              {m.detail && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{m.detail}</div>}
            </div>
          ))
        )}
      </Block>
      <Block title="上年度整改情况" count={extraction.lastYearRectification.length}>
        {extraction.lastYearRectification.length === 0 ? (
          <Typography.Text type="secondary">报告中没有上年度整改情况。</Typography.Text>
        ) : (
          extraction.lastYearRectification.map((e) => (
            <div key={e.problem} style={{ marginBottom: 8 }}>
              <Space wrap size={4}>
                <Typography.Text strong>{e.problem}</Typography.Text>
                <Tag
                  color={e.status === 'completed' ? 'success' : e.status === 'long_term' ? 'cyan' : 'default'}
                >
                  {CLAIM_TEXT[e.status] ?? e.status}
                </Tag>
              </Space>
              <div style={{ color: 'rgba(0,0,0,0.65)' }}>{e.text}</div>
            </div>
          ))
        )}
      </Block>
    </div>
  );
}
