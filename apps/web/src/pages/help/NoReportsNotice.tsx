import { Alert } from 'antd';
import { useAuth } from '../../auth/auth-context';
import { noReportsHint } from '../../features/help/empty-hints';
import { useNothingYet } from '../../features/help/useNothingYet';
import { EmptyHintActions } from './EmptyHintActions';

/**
 * Before any report of the user's organisations was imported (and no item was created by hand
 * either), what 督导总览 and 整改材料输出 wait for and who provides it; nothing once there is one.
 */
export function NoReportsNotice() {
  const { user } = useAuth();
  const nothingYet = useNothingYet();
  if (!nothingYet || !user) return null;
  const hint = noReportsHint(user.capabilities);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="no-reports-notice"
      style={{ marginBottom: 16 }}
      title="暂无整改数据"
      description={
        <div>
          <div style={{ marginBottom: 8 }}>{hint.text}</div>
          <EmptyHintActions actions={hint.actions} />
        </div>
      }
    />
  );
}
