import { Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { type useOrganisationYear, type YearsWithData } from './useOrganisationYear';

const KIND_TEXT: Record<string, string> = { committee: '党委', general_branch: '党总支', branch: '党支部' };

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrganisationNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));

export function OrganisationSelect({
  tree,
  loading,
  value,
  onChange,
  width = 260,
  testId = 'organisation-select',
  ariaLabel = '党组织',
}: {
  tree: OrganisationNode[];
  loading?: boolean;
  value: string | undefined;
  onChange: (id: string) => void;
  width?: number;
  testId?: string;
  /** The accessible name, for when no <label> names the select. */
  ariaLabel?: string;
}) {
  const options = useMemo(() => toOptions(tree), [tree]);
  return (
    <TreeSelect
      data-testid={testId}
      aria-label={ariaLabel}
      style={{ width, maxWidth: '100%' }}
      loading={loading}
      value={loading ? undefined : value}
      onChange={(v: string) => onChange(v)}
      treeData={options}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder="请选择党组织"
      notFoundContent="没有可选的党组织"
    />
  );
}

export function YearSelect({
  value,
  onChange,
  years = { own: [], below: [], all: [] },
  testId = 'year-select',
  ariaLabel = '年度',
}: {
  value: number;
  onChange: (year: number) => void;
  /** Marks a year 已导入 (the selected organisation's own report) or 下级已导入 (only below it). */
  years?: YearsWithData;
  testId?: string;
  /** The accessible name, for when no <label> names the select. */
  ariaLabel?: string;
}) {
  const options = useMemo(() => {
    const now = new Date().getFullYear();
    const all = new Set<number>([...years.all, value]);
    for (let y = now; y >= now - 6; y--) all.add(y);
    return [...all]
      .sort((a, b) => b - a)
      .map((y) => {
        const mark = years.own.includes(y) ? '已导入' : years.below.includes(y) ? '下级已导入' : null;
        return {
          value: y,
          label: (
            <span data-testid={`year-option-${y}`}>
              {y}年度
              {mark && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                  {mark}
                </Typography.Text>
              )}
            </span>
          ),
        };
      });
  }, [years, value]);
  return (
    <Select
      data-testid={testId}
      aria-label={ariaLabel}
      style={{ width: 170 }}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

/** 党组织 + 问题年度 pickers, laid out inline for a page header. */
export function OrganisationYearPicker({
  state,
  yearLabel = '查摆问题年度',
}: {
  state: ReturnType<typeof useOrganisationYear>;
  yearLabel?: string;
}) {
  return (
    <Space wrap size="middle">
      <Space size={4}>
        <Typography.Text>党组织：</Typography.Text>
        <OrganisationSelect
          tree={state.tree}
          loading={state.treeLoading}
          value={state.organisationId}
          onChange={state.setOrganisationId}
        />
      </Space>
      <Space size={4}>
        <Typography.Text>{yearLabel}：</Typography.Text>
        <YearSelect value={state.year} onChange={state.setYear} years={state.years} ariaLabel={yearLabel} />
      </Space>
    </Space>
  );
}

export { KIND_TEXT };
export { useOrganisationYear } from './useOrganisationYear';
