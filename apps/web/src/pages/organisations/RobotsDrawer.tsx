import { RobotOutlined } from '@ant-design/icons';
import { Alert, Drawer, Grid, Spin, Typography } from 'antd';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { errorMessage } from '../../api/error-message';
import { ROBOT_PLATFORMS } from '../../api/generated/vocabulary';
import { useOrganisationRobots } from '../../features/organisations/useOrganisationRobots';
import { FailedDeliveries } from './FailedDeliveries';
import { RobotCard } from './RobotCard';

/**
 * 群机器人: an organisation's group robots, one card per platform (企业微信、钉钉、飞书), and the
 * deliveries that failed lately. Webhooks are shown masked and secrets only as 已设置.
 */
export function RobotsDrawer({ organisation, onClose }: { organisation: OrganisationNode; onClose(): void }) {
  const screens = Grid.useBreakpoint();
  const robots = useOrganisationRobots(organisation.id);
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={
        <span>
          <RobotOutlined style={{ marginInlineEnd: 8 }} />
          群机器人 · {organisation.name}
        </span>
      }
      data-testid="robots-drawer"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        本组织的整改事项有进展（提交销号、退回、逾期等）时，推送到所设置的工作群；同一群每分钟最多一条，多条合并发送。
        Webhook 地址和密钥保存后不再完整显示。
      </Typography.Paragraph>
      {robots.isPending ? (
        <Spin />
      ) : robots.isError ? (
        <Alert type="error" showIcon title={errorMessage(robots.error)} />
      ) : (
        ROBOT_PLATFORMS.map((platform) => (
          <RobotCard
            key={platform}
            organisationId={organisation.id}
            platform={platform}
            robot={robots.data.find((r) => r.platform === platform)}
          />
        ))
      )}
      <FailedDeliveries organisationId={organisation.id} />
    </Drawer>
  );
}
