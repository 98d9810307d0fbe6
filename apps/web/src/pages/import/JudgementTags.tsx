import { Tag, Tooltip } from 'antd';
import { basisLabel, isDoubtful, type Judged } from './extraction-basis';

/** 待核对 (confidence under 0.7) and why the item was taken (表格行, 编号条目 …); nothing when unknown. */
export function JudgementTags({ item }: { item: Judged }) {
  const basis = basisLabel(item);
  const sure = typeof item.confidence === 'number' ? `可信度 ${Math.round(item.confidence * 100)}%` : null;
  return (
    <>
      {isDoubtful(item) && (
        <Tooltip title={`${sure ?? ''}：提取依据不够确定，请对照原文核对`}>
          <Tag color="orange" data-testid="doubtful-tag">
            待核对
          </Tag>
        </Tooltip>
      )}
      {basis && (
        <Tooltip title={sure ? `提取依据：${basis}，${sure}` : `提取依据：${basis}`}>
          <Tag data-testid="basis-tag">{basis}</Tag>
        </Tooltip>
      )}
    </>
  );
}
