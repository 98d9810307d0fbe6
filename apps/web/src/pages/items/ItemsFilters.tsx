import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { type OrganisationNodeResponse } from '../../api/rectify-api';
import {
  ITEM_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type ItemSource,
  type RectificationStatus,
} from '../../api/generated/vocabulary';
import { type useItemFilters } from './useItemFilters';

// One select for a status or a stage: `stage:open` stands for the three unfinished statuses.
const STAGE_PREFIX = 'stage:';
const statusOptions = [
  ...(Object.keys(RECTIFICATION_STATUS_LABELS) as RectificationStatus[]).map((value) => ({
    value,
    label: RECTIFICATION_STATUS_LABELS[value],
  })),
  { value: `${STAGE_PREFIX}open`, label: '尚未完成（全部）' },
];
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
const ALL_YEARS = 'all';
const thisYear = new Date().getFullYear();
const yearOptions = [
  { value: ALL_YEARS, label: '全部年度' },
  ...Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({
    value: String(y),
    label: `${y}年度`,
  })),
];

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}
const toOptions = (nodes: OrganisationNodeResponse[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));

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
  const { values, setFilter, setFilters, clear, filtered } = filters;
  const [keyword, setKeyword] = useState(values.q ?? '');
  const { tree, loading: treeLoading } = useOrganisationTree();
  const treeOptions = useMemo(() => toOptions(tree), [tree]);
  const width = mobile ? '100%' : undefined;
  const select = (
    key: 'overdue' | 'source' | 'recurring' | 'withdrawn',
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
      <TreeSelect
        allowClear
        data-testid="filter-org"
        aria-label="按党组织筛选"
        placeholder="全部党组织"
        loading={treeLoading}
        value={treeLoading ? undefined : values.org}
        onChange={(v?: string) => setFilters({ org: v, subtree: undefined })}
        treeData={treeOptions}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        notFoundContent="没有可选的党组织"
        style={{ width, gridColumn: mobile ? '1 / -1' : 'span 2' }}
      />
      <label style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <Switch
          size="small"
          data-testid="filter-subtree"
          aria-label="含下级组织"
          disabled={!values.org}
          checked={values.subtree !== 'false'}
          onChange={(on) => setFilter('subtree', on ? undefined : 'false')}
        />
        <Typography.Text type={values.org ? undefined : 'secondary'}>含下级组织</Typography.Text>
      </label>
      <Select
        allowClear
        placeholder="全部状态"
        options={statusOptions}
        value={values.stage ? `${STAGE_PREFIX}${values.stage}` : values.status}
        onChange={(v?: string) =>
          v?.startsWith(STAGE_PREFIX)
            ? setFilters({ status: undefined, stage: v.slice(STAGE_PREFIX.length) })
            : setFilters({ status: v, stage: undefined })
        }
        data-testid="filter-status"
        aria-label="按状态筛选"
        style={{ width }}
      />
      {select('overdue', '亮灯：全部', overdueOptions, '按亮灯筛选')}
      <Select
        options={yearOptions}
        value={values.year ?? ALL_YEARS}
        onChange={(v: string) => setFilter('year', v === ALL_YEARS ? undefined : v)}
        data-testid="filter-year"
        aria-label="按年度筛选"
        style={{ width }}
      />
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
