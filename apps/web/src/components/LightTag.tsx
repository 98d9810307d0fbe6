import { Tag } from 'antd';
import { ITEM_LIGHT_LABELS, type ItemLight } from '../api/generated/vocabulary';
import { LIGHT_COLORS } from './labels';

const TAG_COLORS: Partial<Record<ItemLight, string>> = { red: 'error', yellow: 'warning', green: 'success' };

/** 亮灯: a coloured tag 红灯 / 黄灯 / 绿灯 / 未定时限 / 不亮灯. */
export function LightTag({ light }: { light: ItemLight | string | null | undefined }) {
  const key = (light ?? 'not_lit') as ItemLight;
  const color = LIGHT_COLORS[key] ?? LIGHT_COLORS.not_lit;
  const lit = key in TAG_COLORS;
  return (
    <Tag
      data-testid="light-tag"
      data-light={key}
      color={TAG_COLORS[key]}
      style={{ marginInlineEnd: 0, fontWeight: lit ? 600 : undefined, whiteSpace: 'nowrap' }}
    >
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 8,
          height: 8,
          borderRadius: '50%',
          marginInlineEnd: 4,
          background: color,
          verticalAlign: 'middle',
          position: 'relative',
          top: -1,
        }}
      />
      {ITEM_LIGHT_LABELS[key] ?? key}
    </Tag>
  );
}
