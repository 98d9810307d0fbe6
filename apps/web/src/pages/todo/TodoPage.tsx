import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Grid, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/error-message';
import { useAuth } from '../../auth/auth-context';
import { useTodo } from '../../features/todo/useTodo';
import { returnText } from '../items/ReturnedTag';
import { ReviewSection } from './ReviewSection';
import { TodoSection } from './TodoSection';

/**
 * 待办: what waits on the signed-in person, list by list (待我审核, 被退回, 待制定措施, 即将到期,
 * 已超期); each entry opens its item at the action to take. 待我审核 shows for those who
 * supervise or administer, or whenever something waits there.
 */
export function TodoPage() {
  const { user } = useAuth();
  const mobile = !Grid.useBreakpoint().md;
  const { data, error, isPending, isFetching, refetch, dataUpdatedAt } = useTodo();

  if (isPending) return <Spin size="large" style={{ display: 'block', margin: '15vh auto' }} />;
  if (!data)
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(error)}
        action={<Button onClick={() => void refetch()}>重新加载</Button>}
      />
    );

  const reviews = Boolean(user?.capabilities.supervises || user?.capabilities.administers);
  const common = { limit: data.limit, mobile };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="todo-page">
      <Card size="small" styles={{ body: { padding: mobile ? 12 : '12px 24px' } }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            我的待办
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="todo-total">
            {data.counts.total > 0
              ? `共 ${data.counts.total} 个事项需要处理`
              : '暂无待办，所有事项都在正常推进'}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          <Button size="small" icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
            刷新
          </Button>
        </div>
      </Card>
      {(reviews || data.review.total > 0) && <ReviewSection list={data.review} {...common} />}
      <TodoSection
        testId="todo-returned"
        title="被退回"
        hint="上级退回整改、尚未重新提交的事项：请按退回原因补充整改或佐证后重新提交销号申请。"
        list={data.returned}
        empty="没有被退回的事项。上级退回的销号申请会出现在这里。"
        facts={(e) => (
          <Typography.Text type="danger" data-testid="todo-return-reason">
            {returnText({ reason: e.reason, by: e.returnedBy, at: e.returnedAt })}
          </Typography.Text>
        )}
        {...common}
      />
      <TodoSection
        testId="todo-needs-measures"
        title="待制定措施"
        hint="您负责整改、还没有制定整改措施的事项。"
        list={data.needsMeasures}
        empty="所有事项都已制定整改措施。新的问题导入或下达后，请先制定整改措施。"
        {...common}
      />
      <TodoSection
        testId="todo-due-soon"
        title="即将到期"
        hint="亮黄灯的事项：您负责、牵头或任措施责任人，整改时限临近。"
        list={data.dueSoon}
        empty="没有即将到期的事项。"
        facts={(e) => (
          <Typography.Text type="warning">
            {e.workdaysLeft === 0 ? '今日到期' : `剩余 ${e.workdaysLeft} 个工作日`}
          </Typography.Text>
        )}
        {...common}
      />
      <TodoSection
        testId="todo-overdue"
        title="已超期"
        hint="亮红灯的事项：已超过整改时限仍未完成，请尽快整改或申请延期。"
        list={data.overdue}
        empty="没有超期事项，继续保持。"
        facts={(e) => <Typography.Text type="danger">已超期 {e.workdaysOverdue} 个工作日</Typography.Text>}
        {...common}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        每分钟自动刷新，上次刷新 {dayjs(dataUpdatedAt).format('HH:mm')}
      </Typography.Text>
    </Space>
  );
}
