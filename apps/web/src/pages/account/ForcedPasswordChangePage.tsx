import { Alert, App, Button, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { BrandedScreen } from '../../components/BrandedScreen';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * Shown instead of every page while the person signs in with an administrator's one-time
 * password: the API serves nothing else until they choose their own (PASSWORD_CHANGE_REQUIRED).
 */
export function ForcedPasswordChangePage() {
  const { user, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <BrandedScreen>
      <Card
        style={{ width: '100%', maxWidth: 420 }}
        title="请设置新密码"
        data-testid="forced-password-change"
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${user?.displayName ?? ''}，您正在使用管理员发放的一次性密码：请先设置自己的新密码，之后才能使用系统。`}
        />
        <ChangePasswordForm
          oneTime
          submitText="设置新密码并进入系统"
          onDone={() => {
            message.success('新密码已设置。');
            navigate('/', { replace: true });
          }}
        />
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          data-testid="forced-logout"
          onClick={() => {
            logout();
            navigate('/login', { replace: true });
          }}
        >
          退出登录
        </Button>
      </Card>
    </BrandedScreen>
  );
}
