import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { type ReactNode } from 'react';
import { CLAIM_LABELS } from '../../api/generated/vocabulary';
import { label } from '../../components/labels';
import { type ReportPreviewResponse as Extraction } from '../../api/rectify-api';
import { type PreviewCorrections } from '../../features/import/preview-corrections';
import { JudgementTags } from './JudgementTags';
import { ProblemPreviewList } from './ProblemPreviewList';

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
        <ProblemPreviewList problems={extraction.problems} corrections={corrections} onChange={onChange} />
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
              <JudgementTags item={m} />
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
                  {label(CLAIM_LABELS, e.status)}
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
