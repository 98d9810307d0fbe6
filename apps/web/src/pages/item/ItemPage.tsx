import { Button, Card, Col, Grid, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { type RectificationEventType } from '../../api/generated/vocabulary';
import { EventModal } from '../../features/item-events/EventModal';
import { useSendEvent } from '../../features/item-events/useSendEvent';
import { eventsOf } from '../../features/items/allowed-actions';
import { useItem } from '../../features/items/useItem';
import { DetailsModal } from './DetailsModal';
import { EvidenceCard } from './EvidenceCard';
import { HistoryTimeline } from './HistoryTimeline';
import { ItemActionButtons } from './ItemActionButtons';
import { ItemSummaryCard } from './ItemSummaryCard';
import { MeasuresCard } from './MeasuresCard';
import { NoteCard } from './NoteCard';
import { UploadModal } from './UploadModal';
import { useActionFromAddress } from './useActionFromAddress';
import { WithdrawalModal } from './WithdrawalModal';
import { WithdrawnBanner } from './WithdrawnBanner';

/** One rectification item (整改事项): its facts, measures, evidence, actions and history. */
export function ItemPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const { data: item, error, isPending } = useItem(id);
  const { send, sending } = useSendEvent();
  const [activeEvent, setActiveEvent] = useState<RectificationEventType | null>(null);
  const [uploadOpen, setUploadOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [withdrawal, setWithdrawal] = useState<'withdraw' | 'restore' | null>(null);
  useActionFromAddress(item, setActiveEvent);

  if (isPending) return <Spin size="large" style={{ display: 'block', margin: '15vh auto' }} />;
  if (!item) {
    const loadError =
      error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', '加载整改事项失败，请稍后重试。');
    return (
      <Card>
        <Result
          status={loadError.status === 404 ? '404' : 'error'}
          title={loadError.status === 404 ? '未找到该整改事项' : '加载失败'}
          subTitle={loadError.message}
          extra={
            <Button type="primary" onClick={() => navigate('/items')}>
              返回我的整改事项
            </Button>
          }
        />
      </Card>
    );
  }

  const events = eventsOf(item.allowedActions);
  const pad = { body: { padding: mobile ? 12 : 24 } };

  const sendActive = async (event: RectificationEventType, payload: Record<string, unknown>) => {
    const outcome = await send(item, event, payload);
    if (outcome.close) setActiveEvent(null);
  };

  return (
    <>
      <Row gutter={[16, 16]} data-testid="item-page">
        <Col xs={24} lg={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <WithdrawnBanner item={item} onRestore={() => setWithdrawal('restore')} />
            <ItemSummaryCard
              item={item}
              mobile={mobile}
              onEditDetails={() => setDetailsOpen(true)}
              actions={
                <>
                  <ItemActionButtons
                    events={events}
                    status={item.status}
                    block={mobile}
                    onAction={setActiveEvent}
                  />
                  {item.allowedActions.includes('WITHDRAW') && (
                    <div style={{ textAlign: 'end', marginTop: 8 }}>
                      <Button
                        danger
                        type="link"
                        size="small"
                        onClick={() => setWithdrawal('withdraw')}
                        data-testid="withdraw-item"
                      >
                        撤销该事项
                      </Button>
                    </div>
                  )}
                </>
              }
            />
            <MeasuresCard measures={item.measures} mobile={mobile} />
            <EvidenceCard item={item} mobile={mobile} onUpload={() => setUploadOpen(true)} />
            {events.includes('ADD_PROGRESS_NOTE') && <NoteCard item={item} mobile={mobile} />}
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="整改全过程记录" data-testid="history-card" styles={pad}>
            <HistoryTimeline history={item.history} currentUserId={user?.id} />
          </Card>
        </Col>
      </Row>
      {activeEvent && (
        <EventModal
          key={activeEvent}
          event={activeEvent}
          item={item}
          submitting={sending}
          onCancel={() => setActiveEvent(null)}
          onSubmit={sendActive}
        />
      )}
      {uploadOpen && <UploadModal itemId={item.id} onClose={() => setUploadOpen(false)} />}
      {detailsOpen && <DetailsModal item={item} onClose={() => setDetailsOpen(false)} />}
      {withdrawal && <WithdrawalModal item={item} mode={withdrawal} onClose={() => setWithdrawal(null)} />}
    </>
  );
}
