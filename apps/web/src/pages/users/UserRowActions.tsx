import { App, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from '../../api/error-message';
import { type PasswordResetResponse, type UserEntryResponse } from '../../api/rectify-api';
import { useUserCommands } from '../../features/users/useUsers';

/** 编辑, 设置职务, 重置密码, 停用 / 启用 for one person; one's own account cannot be deactivated here. */
export function UserRowActions({
  user,
  isSelf,
  onEdit,
  onPositions,
  onReset,
}: {
  user: UserEntryResponse;
  isSelf: boolean;
  onEdit(): void;
  onPositions(): void;
  onReset(reset: PasswordResetResponse): void;
}) {
  const { message } = App.useApp();
  const { setActive, resetPassword } = useUserCommands();
  const fail = (err: unknown) => message.error(errorMessage(err));

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit} data-testid="user-edit">
        编辑
      </Button>
      <Button type="link" size="small" onClick={onPositions} data-testid="user-positions">
        设置职务
      </Button>
      <Popconfirm
        title={`重置 ${user.displayName} 的密码？`}
        description="将生成一次性密码，原密码和已登录的会话立即失效。"
        okText="重置"
        cancelText="取消"
        okButtonProps={{ ...{ 'data-testid': 'user-reset-password-confirm' } }}
        onConfirm={() => resetPassword.mutateAsync(user.id).then(onReset, fail)}
      >
        <Button type="link" size="small" data-testid="user-reset-password">
          重置密码
        </Button>
      </Popconfirm>
      {user.disabled ? (
        <Button
          type="link"
          size="small"
          loading={setActive.isPending}
          onClick={() =>
            setActive
              .mutateAsync({ id: user.id, active: true })
              .then(() => message.success(`已启用 ${user.displayName}。`), fail)
          }
          data-testid="user-activate"
        >
          启用
        </Button>
      ) : (
        !isSelf && (
          <Popconfirm
            title={`停用 ${user.displayName} 的账号？`}
            description="停用后不能登录，已登录的会话立即失效；可随时启用。"
            okText="停用"
            cancelText="取消"
            okButtonProps={{ danger: true, ...{ 'data-testid': 'user-deactivate-confirm' } }}
            onConfirm={() =>
              setActive
                .mutateAsync({ id: user.id, active: false })
                .then(() => message.success(`已停用 ${user.displayName}。`), fail)
            }
          >
            <Button type="link" size="small" danger data-testid="user-deactivate">
              停用
            </Button>
          </Popconfirm>
        )
      )}
    </Space>
  );
}
