import { Select, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useAuth } from '../../auth/auth-context';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { useReports } from '../../features/organisations/useReports';

const KIND_TEXT: Record<string, string> = { committee: '党委', general_branch: '党总支', branch: '党支部' };

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrganisationNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));

/** Every organisation in the tree below (and including) the one given. */
export function subtreeIds(tree: OrganisationNode[], id: string | undefined): Set<string> {
  const out = new Set<string>();
  const collect = (n: OrganisationNode) => {
    out.add(n.id);
    n.children.forEach(collect);
  };
  const find = (nodes: OrganisationNode[]): void => {
    for (const n of nodes) {
      if (n.id === id) collect(n);
      else find(n.children);
    }
  };
  find(tree);
  return out;
}

export const lastYear = () => new Date().getFullYear() - 1;

/**
 * The organisation and problem year several pages work on: the user's own organisation and,
 * by default, last year — or, when nothing was imported for last year yet, the latest year
 * with imported reports, so the page does not open on an empty year.
 */
export function useOrganisationYear() {
  const { user } = useAuth();
  const [organisationId, setOrganisationId] = useState<string | undefined>(user?.organisation.id);
  const [year, setYearState] = useState<number>(lastYear());
  const [yearTouched, setYearTouched] = useState(false);
  const reports = useReports();
  const { tree, loading: treeLoading } = useOrganisationTree();

  /** Years with imported reports for the chosen organisation or those below it. */
  const yearsWithData = useMemo(() => {
    const scope = subtreeIds(tree, organisationId);
    const years = reports
      .filter((r) => r.year !== null && (scope.size === 0 || scope.has(r.organisationId)))
      .map((r) => r.year as number);
    return [...new Set(years)].sort((a, b) => b - a);
  }, [reports, tree, organisationId]);

  useEffect(() => {
    if (yearTouched || yearsWithData.length === 0 || yearsWithData.includes(lastYear())) return;
    const latest = yearsWithData.find((y) => y <= lastYear());
    if (latest !== undefined) setYearState(latest);
  }, [yearsWithData, yearTouched]);

  const setYear = (y: number) => {
    setYearTouched(true);
    setYearState(y);
  };

  return { organisationId, setOrganisationId, year, setYear, yearsWithData, tree, treeLoading };
}

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
  yearsWithData = [],
  testId = 'year-select',
  ariaLabel = '年度',
}: {
  value: number;
  onChange: (year: number) => void;
  yearsWithData?: number[];
  testId?: string;
  /** The accessible name, for when no <label> names the select. */
  ariaLabel?: string;
}) {
  const options = useMemo(() => {
    const now = new Date().getFullYear();
    const years = new Set<number>([...yearsWithData, value]);
    for (let y = now; y >= now - 6; y--) years.add(y);
    return [...years]
      .sort((a, b) => b - a)
      .map((y) => ({
        value: y,
        label: (
          <span>
            {y}年度
            {yearsWithData.includes(y) && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                已导入
              </Typography.Text>
            )}
          </span>
        ),
      }));
  }, [yearsWithData, value]);
  return (
    <Select
      data-testid={testId}
      aria-label={ariaLabel}
      style={{ width: 150 }}
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
        <YearSelect
          value={state.year}
          onChange={state.setYear}
          yearsWithData={state.yearsWithData}
          ariaLabel={yearLabel}
        />
      </Space>
    </Space>
  );
}

export { KIND_TEXT };
