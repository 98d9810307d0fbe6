import { TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Grid, Table, Tag, Typography } from 'antd';
import { type ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useState } from 'react';
import { ACTOR_ROLE_LABELS } from '../../api/generated/vocabulary';
import { errorMessage } from '../../api/error-message';
import { type PasswordResetResponse, type UserEntryResponse, type UserRole } from '../../api/rectify-api';
import { useAuth } from '../../auth/auth-context';
import { type UserFilters, useUserList } from '../../features/users/useUsers';
import { EditUserModal } from './EditUserModal';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { UserFiltersBar } from './UserFiltersBar';
import { UserRowActions } from './UserRowActions';

/** 人员管理: administrators find, edit, deactivate people and reset their passwords. */
export function UsersPage() {
  const { user: me } = useAuth();
  const mobile = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserEntryResponse | null>(null);
  const [reset, setReset] = useState<PasswordResetResponse | null>(null);
  const list = useUserList(filters);

  const columns: ColumnsType<UserEntryResponse> = [
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '账号', dataIndex: 'username', key: 'username' },
    { title: '角色', key: 'role', render: (_, u) => ACTOR_ROLE_LABELS[u.role as UserRole] },
    { title: '所属组织', dataIndex: 'organisationName', key: 'organisation' },
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
      fixed: 'right',
      render: (_, u) => (
        <UserRowActions user={u} isSelf={u.id === me?.id} onEdit={() => setEditing(u)} onReset={setReset} />
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
      <Table<UserEntryResponse>
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
        停用的账号不能登录，已登录的会话立即失效；不能停用自己，也不能停用最后一位在用的管理员。
      </Typography.Paragraph>
      {editing && (
        <EditUserModal user={editing} isSelf={editing.id === me?.id} onClose={() => setEditing(null)} />
      )}
      {reset && <OneTimePasswordModal reset={reset} onClose={() => setReset(null)} />}
    </Card>
  );
}
