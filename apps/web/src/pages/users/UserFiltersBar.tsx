import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { POSITION_KIND_LABELS, POSITION_KINDS, type PositionKind } from '../../api/generated/vocabulary';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { type UserFilters } from '../../features/users/useUsers';
import { organisationOptions } from './organisation-options';

const POSITION_OPTIONS = POSITION_KINDS.map((value) => ({ value, label: POSITION_KIND_LABELS[value] }));

const STATUS_OPTIONS = [
  { value: 'active', label: '在用' },
  { value: 'disabled', label: '已停用' },
];

/** Search by name or account, organisation (and those below), position and status. */
export function UserFiltersBar({
  filters,
  onChange,
  onReload,
  mobile,
}: {
  filters: UserFilters;
  onChange(changes: Partial<UserFilters>): void;
  onReload(): void;
  mobile: boolean;
}) {
  const { tree, loading } = useOrganisationTree();
  const options = useMemo(() => organisationOptions(tree), [tree]);
  const width = mobile ? '100%' : undefined;
  return (
    // A plain wrapping row (not Space, whose items keep their content's width): full-width fields on a phone.
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }} data-testid="user-filters">
      <Input.Search
        allowClear
        placeholder="姓名或账号"
        defaultValue={filters.q}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: width ?? 220 }}
        data-testid="user-search"
      />
      <TreeSelect
        allowClear
        loading={loading}
        value={filters.organisationId}
        onChange={(organisationId?: string) => onChange({ organisationId })}
        treeData={options}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder="所在组织（含下级）"
        aria-label="所在组织（含下级）"
        style={{ width: width ?? 240 }}
        data-testid="user-organisation-filter"
      />
      <Select
        allowClear
        placeholder="职务"
        aria-label="职务"
        value={filters.positionKind}
        onChange={(positionKind?: PositionKind) => onChange({ positionKind })}
        options={POSITION_OPTIONS}
        style={{ width: width ?? 140 }}
        data-testid="user-position-filter"
      />
      <Select
        allowClear
        placeholder="状态"
        aria-label="账号状态"
        value={filters.status}
        onChange={(status?: 'active' | 'disabled') => onChange({ status })}
        options={STATUS_OPTIONS}
        style={{ width: width ?? 120 }}
        data-testid="user-status-filter"
      />
      <Button icon={<ReloadOutlined />} onClick={onReload}>
        刷新
      </Button>
    </div>
  );
}
