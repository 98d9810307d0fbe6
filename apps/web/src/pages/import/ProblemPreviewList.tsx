import { Alert, Checkbox, Empty, Input, Space, Typography } from 'antd';
import { doubtfulFirst, isDoubtful } from './extraction-basis';
import { JudgementTags } from './JudgementTags';
import { type ExtractedProblemResponse as ExtractedProblem } from '../../api/rectify-api';
import { ITEM_TITLE_MAX_LENGTH } from '../../api/generated/vocabulary';
import { type PreviewCorrections } from '../../features/import/preview-corrections';

/**
 * The problems of the preview, doubtful ones (待核对) first so the administrator checks them
 * before the rest, each with why it was taken; corrections stay keyed by the problem's seq.
 */
export function ProblemPreviewList({
  problems,
  corrections,
  onChange,
}: {
  problems: ExtractedProblem[];
  corrections: PreviewCorrections;
  onChange: (next: PreviewCorrections) => void;
}) {
  if (problems.length === 0) {
    return <Empty description="未识别到查摆问题：请检查报告是否有“存在的问题”一节" />;
  }
  const doubtful = problems.filter(isDoubtful).length;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        title="可直接修改问题标题；取消勾选的不是问题，导入时将剔除。"
        description={
          doubtful > 0
            ? `其中 ${doubtful} 个问题标为“待核对”，排在最前：系统对其切分或标题把握不大，请对照原文核对。`
            : undefined
        }
      />
      {doubtfulFirst(problems).map((p) => (
        <div
          key={p.seq}
          data-testid="preview-problem"
          data-seq={p.seq}
          data-doubtful={isDoubtful(p) ? 'true' : 'false'}
          style={{ marginBottom: 10 }}
        >
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
                maxLength={ITEM_TITLE_MAX_LENGTH}
                onChange={(e) =>
                  onChange({ ...corrections, titles: { ...corrections.titles, [p.seq]: e.target.value } })
                }
              />
              <Space size={4} style={{ marginTop: 4 }} wrap>
                <JudgementTags item={p} />
              </Space>
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
      ))}
    </>
  );
}
