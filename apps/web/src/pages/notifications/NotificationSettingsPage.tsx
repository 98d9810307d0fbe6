import { SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Radio, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { errorMessage } from '../../api/error-message';
import {
  EMAIL_MODE_LABELS,
  EMAIL_MODES,
  type EmailMode,
  EVENT_NOTIFICATION_KINDS,
  type EventNotificationKind,
  NOTIFICATION_KIND_LABELS,
} from '../../api/generated/vocabulary';
import { useAuth } from '../../auth/auth-context';
import {
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from '../../features/notifications/useNotificationPreferences';

interface Values {
  emailMode: EmailMode;
  emailKinds: EventNotificationKind[];
}

/**
 * 通知设置: how event notifications go by email (即时 / 每日汇总 / 不发) and which kinds. 站内消息
 * are always on and the daily 亮灯 digest always goes by email; without an email address on the
 * account, nothing goes by email, and the page says so.
 */
export function NotificationSettingsPage() {
  const { user } = useAuth();
  const preferences = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('emailMode', form);
  const { message } = App.useApp();

  useEffect(() => {
    if (preferences.data) form.setFieldsValue(preferences.data as Values);
  }, [preferences.data, form]);

  const onFinish = (values: Values) =>
    save.mutate(values, {
      onSuccess: () => void message.success('通知设置已保存'),
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <Card
      data-testid="notification-settings-page"
      title={
        <span>
          <SettingOutlined style={{ marginInlineEnd: 8 }} />
          通知设置
        </span>
      }
      style={{ maxWidth: 760 }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="站内消息始终开启：所有通知都会出现在右上角的消息中心。每日亮灯督办汇总邮件（临近时限、到期、逾期）始终发送，不受以下设置影响。"
      />
      {user && !user.email && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="no-email-warning"
          title="您的账号尚未填写电子邮箱，邮件通知无法送达：请联系管理员在人员管理中为您填写邮箱。"
        />
      )}
      {preferences.isPending ? (
        <Spin />
      ) : preferences.isError ? (
        <Typography.Text type="danger">{errorMessage(preferences.error)}</Typography.Text>
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish} data-testid="notification-settings-form">
          <Form.Item name="emailMode" label="事件通知邮件">
            <Radio.Group>
              <Space orientation="vertical">
                {EMAIL_MODES.map((m) => (
                  <Radio key={m} value={m} data-testid={`email-mode-${m}`}>
                    {EMAIL_MODE_LABELS[m]}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="emailKinds" label="以下事件发送邮件" extra="未勾选的事件只发站内消息。">
            <Checkbox.Group disabled={mode === 'off'} style={{ display: 'grid', gap: 6 }}>
              {EVENT_NOTIFICATION_KINDS.map((k) => (
                <Checkbox key={k} value={k}>
                  {NOTIFICATION_KIND_LABELS[k]}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="save-notification-settings"
          >
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}
