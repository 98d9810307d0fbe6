import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { errorMessage } from '../../api/error-message';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULES_HINT } from '../../features/account/password-rules';
import { useChangePassword } from '../../features/account/useChangePassword';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * The current password (or a reset's one-time password), the new one twice. The server checks
 * the rules and answers in Chinese; `onDone` runs once the new token is in place.
 */
export function ChangePasswordForm({
  oneTime,
  submitText,
  onDone,
}: {
  /** The current password is a one-time password from an administrator's reset. */
  oneTime: boolean;
  submitText: string;
  onDone(): void;
}) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate({ currentPassword, newPassword }, { onSuccess: onDone });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark={false}
      data-testid="change-password-form"
    >
      {change.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(change.error)}
          style={{ marginBottom: 16 }}
          data-testid="change-password-error"
        />
      )}
      <Form.Item
        label={oneTime ? '一次性密码' : '当前密码'}
        name="currentPassword"
        rules={[{ required: true, message: oneTime ? '请输入管理员告知的一次性密码' : '请输入当前密码' }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          data-testid="current-password"
        />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={PASSWORD_RULES_HINT}
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: (_, value: string | undefined) =>
              !value || [...value].length >= MIN_PASSWORD_LENGTH
                ? Promise.resolve()
                : Promise.reject(new Error(`新密码至少需要${MIN_PASSWORD_LENGTH}个字符`)),
          },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="new-password"
          data-testid="confirm-password"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={change.isPending}
        data-testid="change-password-submit"
      >
        {submitText}
      </Button>
    </Form>
  );
}
