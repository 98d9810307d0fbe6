import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useUnreadCount } from '../features/notifications/useNotifications';

/** The header's bell: the unread 站内消息 count, opening the 消息中心. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const navigate = useNavigate();
  return (
    <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]} data-testid="notification-badge">
      <Button
        type="text"
        aria-label={unread > 0 ? `消息中心，${unread} 条未读` : '消息中心'}
        title="消息中心"
        data-testid="notification-bell"
        icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
