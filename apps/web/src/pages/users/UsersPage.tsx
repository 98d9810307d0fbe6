import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Grid, Tag, Typography } from 'antd';
import { type ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useState } from 'react';
import { POSITION_KIND_LABELS } from '../../api/generated/vocabulary';
import { errorMessage } from '../../api/error-message';
import { type PasswordResetResponse, type UserEntryResponse } from '../../api/rectify-api';
import { useAuth } from '../../auth/auth-context';
import { type UserFilters, useUserList } from '../../features/users/useUsers';
import { AddUserModal } from './AddUserModal';
import { EditUserModal } from './EditUserModal';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { PositionsModal } from './PositionsModal';
import { UserFiltersBar } from './UserFiltersBar';
import { UserRowActions } from './UserRowActions';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** 人员管理: administrators add, find, edit people, set their positions, deactivate them and reset their passwords. */
export function UsersPage() {
  const { user: me } = useAuth();
  const mobile = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserEntryResponse | null>(null);
  const [positioning, setPositioning] = useState<UserEntryResponse | null>(null);
  const [adding, setAdding] = useState(false);
  const [reset, setReset] = useState<PasswordResetResponse | null>(null);
  const list = useUserList(filters);

  const columns: ColumnsType<UserEntryResponse> = [
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '账号', dataIndex: 'username', key: 'username' },
    {
      title: '职务',
      key: 'positions',
      render: (_, u) =>
        u.positions.length === 0 ? (
          <Tag color="red">无职务</Tag>
        ) : (
          u.positions.map((p) => (
            <Tag key={`${p.organisationId}-${p.kind}`} color={p.kind === 'admin' ? 'gold' : 'blue'}>
              {POSITION_KIND_LABELS[p.kind]}
              {p.organisationId === u.organisationId ? '' : `·${p.organisationName}`}
            </Tag>
          ))
        ),
    },
    { title: '所在组织', dataIndex: 'organisationName', key: 'organisation' },
    {
      title: '联系方式',
      key: 'contact',
      responsive: ['xxl'],
      ellipsis: true,
      width: 200,
      render: (_, u) => [u.phone, u.email].filter(Boolean).join(' / ') || '—',
    },
    {
      title: '状态',
      key: 'status',
      render: (_, u) => (
        <>
          {u.disabled ? <Tag>已停用</Tag> : <Tag color="green">在用</Tag>}
          {u.mustChangePassword && <Tag color="orange">待修改密码</Tag>}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      // On a phone a fixed column would cover the names: the row scrolls instead.
      fixed: mobile ? undefined : 'right',
      render: (_, u) => (
        <UserRowActions
          user={u}
          isSelf={u.id === me?.id}
          onEdit={() => setEditing(u)}
          onPositions={() => setPositioning(u)}
          onReset={setReset}
        />
      ),
    },
  ];

  return (
    <Card
      title={
        <span>
          <TeamOutlined style={{ marginInlineEnd: 8 }} />
          人员管理
        </span>
      }
      extra={
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => setAdding(true)}
          data-testid="user-add"
        >
          添加人员
        </Button>
      }
      data-testid="users-page"
    >
      <UserFiltersBar
        filters={filters}
        mobile={mobile}
        onChange={(changes) => setFilters((f) => ({ ...f, ...changes, page: 1 }))}
        onReload={() => void list.refetch()}
      />
      {list.error && (
        <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />
      )}
      <ResponsiveTable<UserEntryResponse>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.users ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName={(u) => (u.disabled ? 'user-row-disabled' : '')}
        onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        data-testid="users-table"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        停用的账号不能登录，已登录的会话立即失效；不能停用自己，也不能停用最后一位根组织管理员。
      </Typography.Paragraph>
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      {positioning && <PositionsModal user={positioning} onClose={() => setPositioning(null)} />}
      {adding && <AddUserModal onClose={() => setAdding(false)} onAdded={setReset} />}
      {reset && <OneTimePasswordModal reset={reset} onClose={() => setReset(null)} />}
    </Card>
  );
}
