import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Segmented, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/error-message';
import { type NotificationEntryResponse } from '../../api/rectify-api';
import { ClampedTitle } from '../../components/ClampedTitle';
import {
  useMarkNotificationsRead,
  useNotificationPages,
  useUnreadCount,
} from '../../features/notifications/useNotifications';

/**
 * 消息中心: the person's 站内消息, newest first (unread in bold), 全部 or 未读; clicking one marks it
 * read and opens its item; 全部标为已读; older pages on demand.
 */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = useNotificationPages(unreadOnly);
  const unread = useUnreadCount();
  const markRead = useMarkNotificationsRead();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const entries = pages.data?.pages.flatMap((p) => p.entries) ?? [];

  const open = (entry: NotificationEntryResponse) => {
    if (!entry.readAt) markRead.mutate({ ids: [entry.id] });
    navigate(`/items/${entry.itemId}`);
  };
  const markAll = () =>
    markRead.mutate({ all: true }, { onError: (err) => void message.error(errorMessage(err)) });

  return (
    <Card
      data-testid="notifications-page"
      title={
        <span>
          <BellOutlined style={{ marginInlineEnd: 8 }} />
          消息中心
        </span>
      }
      extra={
        <Button type="link" icon={<SettingOutlined />} onClick={() => navigate('/notification-settings')}>
          通知设置
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未读${unread > 0 ? `（${unread}）` : ''}` },
          ]}
          data-testid="notifications-filter"
        />
        <Button
          onClick={markAll}
          disabled={unread === 0}
          loading={markRead.isPending}
          data-testid="mark-all-read"
        >
          全部标为已读
        </Button>
      </Space>
      {pages.isPending ? (
        <Spin />
      ) : pages.isError ? (
        <Typography.Text type="danger">{errorMessage(pages.error)}</Typography.Text>
      ) : entries.length === 0 ? (
        <Empty
          description={unreadOnly ? '没有未读消息' : '暂无消息：事项被退回、销号、延期等进展会在这里通知您'}
          data-testid="notifications-empty"
        />
      ) : (
        <List
          dataSource={entries}
          data-testid="notification-list"
          renderItem={(entry) => <Entry entry={entry} onOpen={() => open(entry)} />}
          loadMore={
            pages.hasNextPage ? (
              <div style={{ textAlign: 'center', marginTop: 12 }}>
                <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                  加载更早的消息
                </Button>
              </div>
            ) : null
          }
        />
      )}
    </Card>
  );
}

function Entry({ entry, onOpen }: { entry: NotificationEntryResponse; onOpen(): void }) {
  const unread = !entry.readAt;
  return (
    <List.Item
      onClick={onOpen}
      style={{ cursor: 'pointer', alignItems: 'flex-start', paddingInline: 8 }}
      data-testid="notification-entry"
      data-unread={unread ? 'true' : 'false'}
    >
      <div style={{ minWidth: 0, flex: 1 }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
          {unread && <Badge />}
          <Tag color={unread ? 'red' : undefined} bordered={false} style={{ marginInlineEnd: 0 }}>
            {entry.kindLabel}
          </Tag>
          <span style={{ flex: 1, minWidth: 0 }}>
            <ClampedTitle text={entry.headline} strong={unread} testId="notification-headline" />
          </span>
        </div>
        {entry.detail && (
          <Typography.Paragraph
            type="secondary"
            style={{ margin: '4px 0 0', fontSize: 13 }}
            ellipsis={{ rows: 2 }}
          >
            {entry.detail}
          </Typography.Paragraph>
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', marginInlineStart: 12 }}>
        {dayjs(entry.createdAt).format('MM-DD HH:mm')}
      </Typography.Text>
    </List.Item>
  );
}

/** The unread mark: a small red dot before the entry. */
function Badge() {
  return (
    <span
      role="img"
      aria-label="未读"
      style={{ width: 8, height: 8, borderRadius: 4, background: '#c8161d', display: 'inline-block' }}
    />
  );
}
