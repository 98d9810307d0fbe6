import { Card, Empty, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ROBOT_PLATFORM_LABELS } from '../../api/generated/vocabulary';
import { useFailedRobotDeliveries } from '../../features/organisations/useOrganisationRobots';

/** The organisation's robots' latest failed deliveries, each with its reason. */
export function FailedDeliveries({ organisationId }: { organisationId: string }) {
  const failed = useFailedRobotDeliveries(organisationId);
  const entries = failed.data ?? [];
  return (
    <Card size="small" title="最近发送失败的推送" data-testid="robot-failed-deliveries">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有发送失败的推送" />
      ) : (
        <List
          size="small"
          dataSource={entries}
          renderItem={(d) => (
            <List.Item data-testid="robot-failed-delivery">
              <div style={{ minWidth: 0 }}>
                <div>
                  <Tag bordered={false}>{ROBOT_PLATFORM_LABELS[d.platform]}</Tag>
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{d.headline}</Typography.Text>
                </div>
                {d.error && (
                  <Typography.Text type="danger" style={{ fontSize: 13 }}>
                    {d.error}
                  </Typography.Text>
                )}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {dayjs(d.createdAt).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
