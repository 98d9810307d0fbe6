import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import {
  ITEM_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type ItemSource,
  type RectificationStatus,
} from '../../api/generated/vocabulary';
import { type useItemFilters } from './useItemFilters';

const statusOptions = (Object.keys(RECTIFICATION_STATUS_LABELS) as RectificationStatus[]).map((value) => ({
  value,
  label: RECTIFICATION_STATUS_LABELS[value],
}));
const sourceOptions = (Object.keys(ITEM_SOURCE_LABELS) as ItemSource[]).map((value) => ({
  value,
  label: ITEM_SOURCE_LABELS[value],
}));
const overdueOptions = [
  { value: 'true', label: '已超期（红灯）' },
  { value: 'false', label: '未超期' },
];
const recurringOptions = [
  { value: 'true', label: '反复出现的问题' },
  { value: 'false', label: '首次出现的问题' },
];
// Withdrawn items (已撤销) are left out unless asked for.
const withdrawnOptions = [
  { value: 'include', label: '含已撤销的事项' },
  { value: 'only', label: '仅已撤销的事项' },
];
const thisYear = new Date().getFullYear();
const yearOptions = Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({
  value: String(y),
  label: `${y}年度`,
}));

/** The search box and filters above the list; two columns on a phone. */
export function ItemsFilters({
  filters,
  mobile,
  onReload,
}: {
  filters: ReturnType<typeof useItemFilters>;
  mobile: boolean;
  onReload(): void;
}) {
  const { values, setFilter, clear, filtered } = filters;
  const [keyword, setKeyword] = useState(values.q ?? '');
  const width = mobile ? '100%' : undefined;
  const select = (
    key: 'status' | 'overdue' | 'year' | 'source' | 'recurring' | 'withdrawn',
    placeholder: string,
    options: { value: string; label: string }[],
    name: string,
  ) => (
    <Select
      allowClear
      aria-label={name}
      placeholder={placeholder}
      options={options}
      value={values[key]}
      onChange={(v?: string) => setFilter(key, v)}
      data-testid={`filter-${key}`}
      style={{ width }}
    />
  );

  return (
    <div
      data-testid="items-filters"
      style={{
        display: 'grid',
        gridTemplateColumns: mobile ? '1fr 1fr' : 'repeat(auto-fill, minmax(150px, 1fr))',
        gap: 8,
        marginBottom: 16,
      }}
    >
      <Input.Search
        allowClear
        placeholder="搜索问题内容"
        value={keyword}
        onChange={(e) => setKeyword(e.target.value)}
        onSearch={(v) => setFilter('q', v.trim() || undefined)}
        enterButton={<SearchOutlined />}
        data-testid="filter-q"
        style={{ gridColumn: mobile ? '1 / -1' : 'span 2' }}
      />
      {select('status', '全部状态', statusOptions, '按状态筛选')}
      {select('overdue', '亮灯：全部', overdueOptions, '按亮灯筛选')}
      {select('year', '全部年度', yearOptions, '按年度筛选')}
      {select('source', '全部来源', sourceOptions, '按问题来源筛选')}
      {select('recurring', '是否反复出现', recurringOptions, '按是否反复出现筛选')}
      {select('withdrawn', '不含已撤销', withdrawnOptions, '已撤销的事项')}
      <Space.Compact style={{ width: '100%' }}>
        <Button
          onClick={() => {
            setKeyword('');
            clear();
          }}
          disabled={!filtered}
          data-testid="filter-reset"
          style={{ flex: 1 }}
        >
          重置
        </Button>
        <Button icon={<ReloadOutlined />} onClick={onReload} aria-label="刷新" title="刷新" />
      </Space.Compact>
    </div>
  );
}
