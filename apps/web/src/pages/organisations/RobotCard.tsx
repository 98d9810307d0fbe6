import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Space,
  Switch,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Fragment, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { type OrganisationRobotResponse, type SaveRobotDto } from '../../api/rectify-api';
import {
  DEFAULT_QUIET_FROM,
  DEFAULT_QUIET_UNTIL,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
  ROBOT_PLATFORM_LABELS,
  type RobotPlatform,
} from '../../api/generated/vocabulary';
import { useRobotAdmin } from '../../features/organisations/useOrganisationRobots';
import { ModalError } from './ModalError';

interface Values {
  webhookUrl: string;
  secret: string;
  kinds: NotificationKind[];
  quiet: boolean;
  quietFrom: Dayjs;
  quietUntil: Dayjs;
  enabled: boolean;
}

const HHMM = 'HH:mm';
const WHEN = 'YYYY-MM-DD HH:mm';
// WeCom's group robots do not sign: their card asks for no secret (unless one was stored).
const SECRET_HINT: Record<RobotPlatform, string | null> = {
  wecom: null,
  dingtalk: '机器人安全设置选择"加签"时，粘贴以 SEC 开头的密钥。',
  feishu: '机器人安全设置开启"签名校验"时，粘贴其密钥。',
};

/**
 * One platform's robot of an organisation: paste the webhook (shown again only masked), the
 * secret (only 已设置 and 清除 afterwards), the kinds it carries, quiet hours, on/off, and what
 * became of its sending (the last failure in red with what to do).
 */
export function RobotCard({
  organisationId,
  platform,
  robot,
}: {
  organisationId: string;
  platform: RobotPlatform;
  robot: OrganisationRobotResponse | undefined;
}) {
  const label = ROBOT_PLATFORM_LABELS[platform];
  const { save, remove } = useRobotAdmin(organisationId);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [clearSecret, setClearSecret] = useState(false);
  const quiet = Form.useWatch('quiet', form);
  const quietHours = robot ? robot.quietHours : { from: DEFAULT_QUIET_FROM, until: DEFAULT_QUIET_UNTIL };
  const initialValues: Values = {
    webhookUrl: '',
    secret: '',
    kinds: (robot?.kinds as NotificationKind[] | undefined) ?? [...NOTIFICATION_KINDS],
    quiet: quietHours !== null,
    quietFrom: dayjs(quietHours?.from ?? DEFAULT_QUIET_FROM, HHMM),
    quietUntil: dayjs(quietHours?.until ?? DEFAULT_QUIET_UNTIL, HHMM),
    enabled: robot?.enabled ?? true,
  };

  const onFinish = (v: Values) => {
    const changes: SaveRobotDto = {
      kinds: v.kinds,
      quietHours: v.quiet ? { from: v.quietFrom.format(HHMM), until: v.quietUntil.format(HHMM) } : null,
      enabled: v.enabled,
    };
    if (v.webhookUrl.trim()) changes.webhookUrl = v.webhookUrl.trim();
    if (v.secret) changes.secret = v.secret;
    else if (clearSecret) changes.secret = '';
    save.mutate(
      { platform, changes },
      {
        onSuccess: () => {
          form.setFieldsValue({ webhookUrl: '', secret: '' });
          setClearSecret(false);
          void message.success(`${label}机器人设置已保存`);
        },
      },
    );
  };
  const onRemove = () =>
    remove.mutate(platform, {
      onSuccess: () => void message.success(`已删除${label}机器人`),
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`robot-card-${platform}`}
      title={
        <Space>
          {label}
          {robot ? (
            robot.enabled ? (
              <Tag color="green">已启用</Tag>
            ) : (
              <Tag>已停用</Tag>
            )
          ) : (
            <Tag bordered={false}>未设置</Tag>
          )}
        </Space>
      }
    >
      {robot && <RobotStatus robot={robot} />}
      <ModalError error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        requiredMark={false}
      >
        <Form.Item
          name="webhookUrl"
          label="Webhook 地址"
          extra={robot ? `当前：${robot.webhook}（如需更换，粘贴新地址）` : undefined}
          rules={
            robot
              ? []
              : [{ required: true, whitespace: true, message: `请粘贴${label}机器人的 Webhook 地址` }]
          }
        >
          <Input
            placeholder={`从${label}群机器人设置中复制 Webhook 地址`}
            autoComplete="off"
            data-testid={`robot-webhook-input-${platform}`}
          />
        </Form.Item>
        <Form.Item
          label="密钥（加签/签名校验）"
          extra={SECRET_HINT[platform]}
          hidden={SECRET_HINT[platform] === null && !robot?.secretSet}
        >
          <Space wrap>
            {robot?.secretSet && !clearSecret && (
              <>
                <Tag color="blue" data-testid={`robot-secret-set-${platform}`}>
                  已设置
                </Tag>
                <Button
                  size="small"
                  onClick={() => setClearSecret(true)}
                  data-testid={`robot-secret-clear-${platform}`}
                >
                  清除
                </Button>
              </>
            )}
            {clearSecret && <Typography.Text type="warning">保存后清除密钥</Typography.Text>}
            <Form.Item name="secret" noStyle>
              <Input.Password
                placeholder={robot?.secretSet ? '输入新密钥以更换' : '未设置'}
                autoComplete="new-password"
                style={{ width: 260 }}
                data-testid={`robot-secret-input-${platform}`}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item
          name="kinds"
          label="推送的通知"
          rules={[
            { required: true, type: 'array', min: 1, message: '请至少选择一类；不再推送时请关闭"启用"' },
          ]}
        >
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 4 }}
          >
            {NOTIFICATION_KINDS.map((k) => (
              <Checkbox key={k} value={k}>
                {NOTIFICATION_KIND_LABELS[k]}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item label="免打扰时段（北京时间，期间的消息在结束时发送）">
          <Space wrap>
            <Form.Item name="quiet" valuePropName="checked" noStyle>
              <Switch />
            </Form.Item>
            {(['quietFrom', 'quietUntil'] as const).map((name, i) => (
              <Fragment key={name}>
                {i > 0 && '至'}
                <Form.Item name={name} noStyle>
                  <TimePicker
                    format={HHMM}
                    disabled={!quiet}
                    allowClear={false}
                    needConfirm={false}
                    style={{ width: 100 }}
                  />
                </Form.Item>
              </Fragment>
            ))}
          </Space>
        </Form.Item>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch data-testid={`robot-enabled-${platform}`} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid={`robot-save-${platform}`}
          >
            保存
          </Button>
          {robot && (
            <Popconfirm
              title={`删除${label}机器人？`}
              description="已有推送记录的机器人不能删除，请改为停用。"
              okText="删除"
              cancelText="取消"
              onConfirm={onRemove}
            >
              <Button danger loading={remove.isPending}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </Card>
  );
}

/** When it last sent, how its last 30 days went, and a standing failure with what to do. */
function RobotStatus({ robot }: { robot: OrganisationRobotResponse }) {
  const c = robot.recentDeliveries;
  return (
    <div style={{ marginBottom: 12, fontSize: 13 }} data-testid={`robot-status-${robot.platform}`}>
      <Typography.Text type="secondary">
        最近发送：{robot.lastSentAt ? dayjs(robot.lastSentAt).format(WHEN) : '尚未发送'}
        ；近 30 天 已发送 {c.sent} 条、失败 {c.failed} 条、等待 {c.pending + c.sending} 条
      </Typography.Text>
      {robot.lastError && (
        <div style={{ color: '#cf1322', marginTop: 4 }} data-testid={`robot-last-error-${robot.platform}`}>
          已暂停发送{robot.failedAt ? `（${dayjs(robot.failedAt).format(WHEN)}）` : ''}：{robot.lastError}
          <div style={{ color: 'rgba(0,0,0,.55)' }}>
            按提示在群机器人设置中处理后，在此更新地址或密钥并保存，即恢复发送。
          </div>
        </div>
      )}
    </div>
  );
}
