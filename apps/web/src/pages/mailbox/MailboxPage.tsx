import { MailOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Result,
  Space,
  Spin,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useAuth } from '../../auth/auth-context';
import { type MailboxEntryResponse as MailboxEntry } from '../../api/rectify-api';
import { useMailbox, useMailMessage } from '../../features/mailbox/useMailbox';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const NO_MAIL: MailboxEntry[] = [];

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const query = useMailMessage(id);
  const mail = query.data ?? null;
  const error = query.error ? errorMessage(query.error) : null;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={mail?.subject ?? '邮件详情'}
      data-testid="mail-drawer"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!mail && !error && <Spin description="正在加载…" style={{ display: 'block', margin: '60px auto' }} />}
      {mail && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'from', label: '发件人', children: mail.from ?? '—' },
              { key: 'to', label: '收件人', children: mail.to },
              { key: 'subject', label: '主题', children: mail.subject ?? '（无主题）' },
              { key: 'date', label: '发送时间', children: when(mail.date) },
            ]}
          />
          <Tabs
            items={[
              ...(mail.html
                ? [
                    {
                      key: 'html',
                      label: '邮件正文',
                      children: (
                        <iframe
                          data-testid="mail-html"
                          title="邮件正文"
                          sandbox=""
                          srcDoc={mail.html}
                          style={{
                            width: '100%',
                            height: 560,
                            border: '1px solid #f0f0f0',
                            background: '#fff',
                          }}
                        />
                      ),
                    },
                  ]
                : []),
              {
                key: 'text',
                label: '纯文本',
                children: mail.text ? (
                  <pre
                    data-testid="mail-text"
                    style={{
                      whiteSpace: 'pre-wrap',
                      fontFamily: 'inherit',
                      background: '#fafafa',
                      padding: 16,
                    }}
                  >
                    {mail.text}
                  </pre>
                ) : (
                  <Empty description="该邮件没有纯文本正文" />
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function MailboxPage() {
  const { user } = useAuth();
  const [openId, setOpenId] = useState<string | null>(null);
  const admin = user?.capabilities.operatesSystem ?? false;
  const mailbox = useMailbox(admin);
  const rows = mailbox.data ?? NO_MAIL;
  const loading = mailbox.isFetching;
  const error: unknown = mailbox.error;

  if (!admin) return <Result status="403" title="无权访问" subTitle="只有管理员可以查看开发邮箱。" />;
  if (error instanceof ApiError && error.status === 404)
    return (
      <Result
        data-testid="mailbox-disabled"
        status="info"
        title="生产环境不提供开发邮箱"
        subTitle="提醒邮件已发送到实际收件人的邮箱，请在收件人的邮箱中查看。"
      />
    );

  return (
    <div data-testid="mailbox-page">
      <Card
        title={
          <Space wrap size={[8, 0]}>
            <MailOutlined />
            <span>开发邮箱</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              开发和测试环境中系统发出的督办提醒邮件，最新在前
            </Typography.Text>
          </Space>
        }
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void mailbox.refetch()}
            data-testid="mailbox-refresh"
          >
            刷新
          </Button>
        }
      >
        {error !== null && (
          <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
        )}
        <ResponsiveTable<MailboxEntry>
          data-testid="mailbox-list"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description="暂无邮件：提醒任务运行后，发出的邮件会出现在这里" /> }}
          columns={[
            {
              title: '主题',
              dataIndex: 'subject',
              render: (s: string | null) => <Typography.Link>{s ?? '（无主题）'}</Typography.Link>,
            },
            { title: '收件人', dataIndex: 'to', width: 260 },
            { title: '发件人', dataIndex: 'from', width: 180, render: (f: string | null) => f ?? '—' },
            { title: '收到时间', dataIndex: 'receivedAt', width: 180, render: when },
          ]}
        />
      </Card>
      <MessageDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
