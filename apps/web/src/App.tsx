import { App as AntApp, Spin } from 'antd';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { createQueryClient } from './api/query-client';
import { AuthProvider, useAuth } from './auth/auth-context';
import { AppLayout } from './layout/AppLayout';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { DirectoryImportPage } from './pages/directory/DirectoryImportPage';
import { ImportPage } from './pages/import/ImportPage';
import { ItemPage } from './pages/item/ItemPage';
import { ItemsPage } from './pages/items/ItemsPage';
import { LoginPage } from './pages/login/LoginPage';
import { MailboxPage } from './pages/mailbox/MailboxPage';
import { NotificationSettingsPage } from './pages/notifications/NotificationSettingsPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { OutputsPage } from './pages/outputs/OutputsPage';
import { ForcedPasswordChangePage } from './pages/account/ForcedPasswordChangePage';
import { HelpPage } from './pages/help/HelpPage';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage';
import { UsersPage } from './pages/users/UsersPage';
import { TodoPage } from './pages/todo/TodoPage';
import { ProductTheme } from './theme/ProductTheme';

/** Pages behind the login: anyone signed in, sent to the login page otherwise. */
function RequireLogin({ children }: { children: ReactNode }) {
  const { user, loading, signedOut } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  // After an expired session, come back here after logging in; after logging out, start afresh.
  if (!user)
    return (
      <Navigate
        to="/login"
        replace
        state={signedOut ? undefined : { from: location.pathname + location.search }}
      />
    );
  // A one-time password from a reset opens nothing but its own change, whatever the address.
  if (user.mustChangePassword) return <ForcedPasswordChangePage />;
  return <AppLayout>{children}</AppLayout>;
}

/** People who only work their items start there; supervisors and administrators at the dashboard. */
function Home() {
  const { user } = useAuth();
  const overseer = user && (user.capabilities.supervises || user.capabilities.administers);
  return <Navigate to={overseer ? '/dashboard' : '/items'} replace />;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ProductTheme>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  path="/"
                  element={
                    <RequireLogin>
                      <Home />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/items"
                  element={
                    <RequireLogin>
                      <ItemsPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/items/:id"
                  element={
                    <RequireLogin>
                      <ItemPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/todo"
                  element={
                    <RequireLogin>
                      <TodoPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/dashboard"
                  element={
                    <RequireLogin>
                      <DashboardPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/import"
                  element={
                    <RequireLogin>
                      <ImportPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/outputs"
                  element={
                    <RequireLogin>
                      <OutputsPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/mailbox"
                  element={
                    <RequireLogin>
                      <MailboxPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/users"
                  element={
                    <RequireLogin>
                      <UsersPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/organisations"
                  element={
                    <RequireLogin>
                      <OrganisationsPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/directory-import"
                  element={
                    <RequireLogin>
                      <DirectoryImportPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/notifications"
                  element={
                    <RequireLogin>
                      <NotificationsPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/notification-settings"
                  element={
                    <RequireLogin>
                      <NotificationSettingsPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/help"
                  element={
                    <RequireLogin>
                      <HelpPage />
                    </RequireLogin>
                  }
                />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ProductTheme>
  );
}
