import {
  AlertOutlined,
  CheckSquareOutlined,
  ApartmentOutlined,
  CloudUploadOutlined,
  AuditOutlined,
  DownOutlined,
  FileTextOutlined,
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  MenuOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { type CurrentUser, positionsLabel, useAuth } from '../auth/auth-context';
import { ChangePasswordModal } from '../pages/account/ChangePasswordModal';
import { NotificationBell } from './NotificationBell';
import { TodoBadge } from './TodoBadge';
import { BRAND_RED } from '../theme/theme';

const { Header, Sider, Content } = Layout;

type Capabilities = CurrentUser['capabilities'];

interface NavEntry {
  key: string;
  label: string;
  icon: ReactNode;
  /** Shown when the person's positions give them this (the server checks every request again). */
  shows(c: Capabilities): boolean;
}

const everyone = () => true;
const overseers = (c: Capabilities) => c.supervises || c.administers;
const administrators = (c: Capabilities) => c.administers;
const workersAndOverseers = (c: Capabilities) => c.worksItems || c.supervises || c.administers;

const NAV: NavEntry[] = [
  {
    key: '/items',
    label: '我的整改事项',
    icon: <UnorderedListOutlined />,
    shows: everyone,
  },
  { key: '/dashboard', label: '督导总览', icon: <AlertOutlined />, shows: overseers },
  { key: '/todo', label: '我的待办', icon: <CheckSquareOutlined />, shows: workersAndOverseers },
  { key: '/import', label: '导入报告', icon: <UploadOutlined />, shows: administrators },
  {
    key: '/outputs',
    label: '整改材料输出',
    icon: <FileTextOutlined />,
    shows: everyone,
  },
  { key: '/mailbox', label: '提醒邮件', icon: <MailOutlined />, shows: (c) => c.operatesSystem },
  { key: '/users', label: '人员管理', icon: <TeamOutlined />, shows: administrators },
  { key: '/organisations', label: '组织管理', icon: <ApartmentOutlined />, shows: administrators },
  { key: '/directory-import', label: '批量导入', icon: <CloudUploadOutlined />, shows: administrators },
];

/** The frame of every page behind the login: red header, left menu (a drawer on phones). */
export function AppLayout({ children }: { children: ReactNode }) {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  // Those who only work items start from their to-do list: it comes first for them.
  const todoFirst = user !== null && !overseers(user.capabilities);
  const entries = NAV.filter((e) => !user || e.shows(user.capabilities)).sort(
    (a, b) => Number(todoFirst && b.key === '/todo') - Number(todoFirst && a.key === '/todo'),
  );
  const selected = entries
    .map((e) => e.key)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`));
  const items: MenuProps['items'] = entries.map((e) => ({
    key: e.key,
    icon: e.icon,
    label: <span data-testid={`nav-${e.key.slice(1)}`}>{e.label}</span>,
  }));
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    navigate(key);
  };
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={onMenu}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-menu"
    />
  );

  const roleLabel = user ? positionsLabel(user) : '';
  const onLogout = () => {
    logout();
    navigate('/login', { replace: true });
  };
  // The user menu: under the name in the header (desktop) or in the bar below it (phones).
  const userMenu: MenuProps = {
    items: [
      {
        key: 'password',
        icon: <KeyOutlined />,
        label: <span data-testid="menu-change-password">修改密码</span>,
      },
      {
        key: 'notification-settings',
        icon: <SettingOutlined />,
        label: <span data-testid="menu-notification-settings">通知设置</span>,
      },
      {
        key: 'help',
        icon: <QuestionCircleOutlined />,
        label: <span data-testid="menu-help">使用说明</span>,
      },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
    ],
    onClick: ({ key }) => {
      if (key === 'password') setChangingPassword(true);
      else if (key === 'notification-settings') navigate('/notification-settings');
      else if (key === 'help') navigate('/help');
      else onLogout();
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        data-testid="app-header"
        style={{
          background: BRAND_RED,
          color: '#fff',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: mobile ? '0 12px' : '0 24px',
          height: 56,
          lineHeight: '56px',
          boxShadow: '0 1px 4px rgba(0,0,0,.2)',
        }}
      >
        {mobile && (
          <Button
            type="text"
            aria-label="打开菜单"
            data-testid="menu-toggle"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <AuditOutlined style={{ fontSize: 22 }} />
        <span
          style={{ fontSize: mobile ? 17 : 20, fontWeight: 600, letterSpacing: 2, whiteSpace: 'nowrap' }}
          data-testid="product-name"
        >
          整改闭环管理
        </span>
        <span style={{ flex: 1 }} />
        {/* Phones have no room in the bar: there 使用说明 is in the menu under the name. */}
        {user && !mobile && (
          <Button
            type="text"
            title="使用说明"
            data-testid="help-link"
            icon={<QuestionCircleOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => navigate('/help')}
            style={{ color: '#fff' }}
          >
            帮助
          </Button>
        )}
        {user && <NotificationBell />}
        {user && workersAndOverseers(user.capabilities) && <TodoBadge compact={mobile} />}
        {user && !mobile && (
          <Dropdown menu={userMenu} trigger={['click']}>
            <span
              data-testid="current-user"
              style={{ whiteSpace: 'nowrap', fontSize: 14, cursor: 'pointer' }}
              title="修改密码、退出登录"
            >
              <UserOutlined style={{ marginInlineEnd: 6 }} />
              {user.displayName}
              <span style={{ opacity: 0.85 }}>
                （{roleLabel}）｜{user.organisation.name}
              </span>
              <DownOutlined style={{ marginInlineStart: 6, fontSize: 11 }} />
            </span>
          </Dropdown>
        )}
        <Button
          data-testid="logout"
          size="small"
          ghost
          icon={<LogoutOutlined />}
          onClick={onLogout}
          style={{ borderColor: 'rgba(255,255,255,.7)' }}
        >
          {mobile ? '退出' : '退出登录'}
        </Button>
      </Header>
      {user && mobile && (
        <Dropdown menu={userMenu} trigger={['click']}>
          <div
            data-testid="current-user"
            style={{
              cursor: 'pointer',
              background: '#fff4f4',
              borderBottom: '1px solid #f3d3d4',
              padding: '6px 12px',
              fontSize: 13,
              color: '#5c0f12',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            <UserOutlined style={{ marginInlineEnd: 6 }} />
            {user.displayName}（{roleLabel}）｜{user.organisation.name}
            <DownOutlined style={{ marginInlineStart: 6, fontSize: 11 }} />
          </div>
        </Dropdown>
      )}
      <Layout>
        {!mobile && (
          <Sider
            width={200}
            theme="light"
            style={{ borderInlineEnd: '1px solid #f0f0f0', paddingTop: 8 }}
            data-testid="app-sider"
          >
            {menu}
          </Sider>
        )}
        {mobile && (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={240}
            title="整改闭环管理"
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Content
          style={{ padding: mobile ? 12 : 24, background: '#f5f5f5', minWidth: 0 }}
          data-testid="app-content"
        >
          {children}
          {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
        </Content>
      </Layout>
    </Layout>
  );
}
