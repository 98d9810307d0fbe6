import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Collapse, Grid, Tag, Typography } from 'antd';
import { useAuth } from '../../auth/auth-context';
import { type HelpTopic, helpTopicsFor } from '../../features/help/help-topics';

/**
 * 使用说明: one short section per way of working (支部书记, 上级组织, 管理员), the reader's own
 * first and open, the others folded below them; each step says what to do and where.
 */
export function HelpPage() {
  const { user } = useAuth();
  const mobile = !Grid.useBreakpoint().md;
  const { topics, own } = helpTopicsFor(
    user?.capabilities ?? { worksItems: false, supervises: false, administers: false },
  );
  const open = topics.filter((t) => own.has(t.role)).map((t) => t.role);

  return (
    <Card
      data-testid="help-page"
      title={
        <span>
          <QuestionCircleOutlined style={{ marginInlineEnd: 8 }} />
          使用说明
        </span>
      }
      styles={{ body: { padding: mobile ? 12 : 24 } }}
    >
      <Typography.Paragraph type="secondary">
        本系统把每个查摆出的问题变成有责任人、有时限、有留痕的整改事项：下级制定措施、上传佐证、申请销号，上级审核销号、督促超期事项。下面按工作角色说明主要步骤，您的角色排在最前面。
      </Typography.Paragraph>
      <Collapse
        defaultActiveKey={open.length > 0 ? open : [topics[0].role]}
        items={topics.map((topic) => ({
          key: topic.role,
          label: (
            <span data-testid={`help-section-title-${topic.role}`}>
              {topic.title}
              {own.has(topic.role) && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  您的角色
                </Tag>
              )}
            </span>
          ),
          children: <TopicSteps topic={topic} />,
        }))}
        data-testid="help-sections"
      />
    </Card>
  );
}

function TopicSteps({ topic }: { topic: HelpTopic }) {
  return (
    <div data-testid={`help-section-${topic.role}`}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {topic.who}
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        {topic.steps.map((step) => (
          <li key={step.what} style={{ marginBottom: 8 }}>
            <div>{step.what}</div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              在哪里：{step.where}
            </Typography.Text>
          </li>
        ))}
      </ol>
    </div>
  );
}
