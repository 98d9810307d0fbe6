import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Tag, Typography } from 'antd';
import { type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { LightTag } from '../../components/LightTag';
import { StatusTag } from '../../components/StatusTag';
import { type LoadedItem } from '../../features/items/item-api';
import { ItemFacts } from './ItemFacts';
import { RelatedLinks } from './RelatedLinks';

interface Props {
  item: LoadedItem;
  mobile: boolean;
  /** The buttons of the events allowed now. */
  actions: ReactNode;
  onEditDetails(): void;
}

/** The head of the item page: light and status, the problem, its facts, alerts and actions. */
export function ItemSummaryCard({ item, mobile, actions, onEditDetails }: Props) {
  const navigate = useNavigate();
  const repeats = item.recurrence?.repeats ?? [];
  const repeatedBy = item.recurrence?.repeatedBy ?? [];
  const extension = item.pendingExtension;

  return (
    <Card
      data-testid="item-card"
      styles={{ body: { padding: mobile ? 12 : 24 } }}
      title={
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/items'))}
          style={{ paddingInlineStart: 0 }}
          data-testid="back"
        >
          返回列表
        </Button>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="item-version">
          版本 {item.version}
        </Typography.Text>
      }
    >
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
        <LightTag light={item.light} />
        <StatusTag status={item.status} />
        {repeats.length > 0 && (
          <Tag color="volcano" data-testid="recurring-tag">
            反复出现
          </Tag>
        )}
      </div>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="item-title">
        {item.title}
      </Typography.Title>
      {item.detail && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="item-detail">
          {item.detail}
        </Typography.Paragraph>
      )}
      <ItemFacts item={item} mobile={mobile} />
      {item.allowedActions.includes('EDIT_DETAILS') && (
        <div style={{ textAlign: 'end', marginTop: 4 }}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={onEditDetails}
            data-testid="edit-details"
          >
            修改标题、描述、问题来源、责任领导
          </Button>
        </div>
      )}
      {extension && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="pending-extension"
          title={`延期申请待审核：申请延期至 ${String(extension.newDeadline ?? '—')}`}
          description={extension.reason ? `理由：${String(extension.reason)}` : undefined}
        />
      )}
      {(repeats.length > 0 || repeatedBy.length > 0) && (
        <Alert
          type="error"
          style={{ marginTop: 12 }}
          data-testid="recurrence"
          title="反复出现的问题"
          description={
            <>
              <RelatedLinks title="与往年查摆的问题相似：" items={repeats} />
              <RelatedLinks title="此后年度再次出现：" items={repeatedBy} />
            </>
          }
        />
      )}
      <div style={{ marginTop: 16 }}>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          可执行的操作
        </Typography.Text>
        {actions}
      </div>
    </Card>
  );
}
